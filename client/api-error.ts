// An error answer of Hookline's API, for both clients (the dashboard's, client/browser-api.ts,
// and the API-key one, client/hookline-client.ts): the HTTP status and the API's
// `{ "error": { "code", "message", "details"? } }`, so forms can show field messages next to
// their fields and toasts the API's own message.
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "ApiError";
  }

  /** Field messages by dotted path (`url`, `headers.x-team`), from the API's `details`. */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    if (Array.isArray(this.details)) {
      for (const item of this.details as Array<{ path?: unknown; message?: unknown }>) {
        if (typeof item?.path === "string" && typeof item.message === "string") out[item.path] ??= item.message;
      }
    }
    return out;
  }
}

/** The ApiError for a failed answer: `body` is its parsed JSON (or text, or nothing). */
export function apiErrorOf(status: number, body: unknown): ApiError {
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  return new ApiError(
    status,
    typeof error?.code === "string" ? error.code : "error",
    typeof error?.message === "string" ? error.message : `Request failed (${status})`,
    error?.details,
  );
}

/** An openapi-fetch call's answer: its data, or an ApiError thrown for anything but a success. */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (error !== undefined || !response.ok) throw apiErrorOf(response.status, error);
  return data as T;
}
