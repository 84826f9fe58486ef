// Reason phrases for the statuses receivers commonly answer, so "400" reads "400 Bad Request".
const REASONS: Record<number, string> = {
  200: "OK",
  201: "Created",
  202: "Accepted",
  204: "No Content",
  301: "Moved Permanently",
  302: "Found",
  307: "Temporary Redirect",
  308: "Permanent Redirect",
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  408: "Request Timeout",
  409: "Conflict",
  410: "Gone",
  413: "Content Too Large",
  415: "Unsupported Media Type",
  422: "Unprocessable Content",
  429: "Too Many Requests",
  500: "Internal Server Error",
  501: "Not Implemented",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

export function statusText(status: number): string {
  const reason = REASONS[status];
  return reason ? `${status} ${reason}` : String(status);
}

/** What an attempt ended with, in a few words: "200 OK", "timeout", "connect". */
export function attemptOutcome(attempt: { responseStatus: number | null; errorKind: string | null }): string {
  if (attempt.responseStatus !== null) return statusText(attempt.responseStatus);
  return attempt.errorKind ? attempt.errorKind.replaceAll("_", " ") : "no answer";
}

/** A short sentence for a toast about one try made now (a resend). */
export function describeTry(result: {
  succeeded: boolean;
  status: number | null;
  errorKind: string | null;
  durationMs: number;
}): string {
  const outcome = attemptOutcome({ responseStatus: result.status, errorKind: result.errorKind });
  return `${outcome} in ${Math.round(result.durationMs)} ms`;
}
