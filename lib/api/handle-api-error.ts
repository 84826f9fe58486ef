// The one mapper from anything thrown in a route to an HTTP answer. Unknown errors become a
// generic 500 (the detail goes to the log with the request id, never to the client); a database
// that cannot be reached becomes 503, so a publish never looks accepted when it was not stored.
import { NextResponse } from "next/server";
import { ZodError } from "zod";
import { AppError, ERROR_STATUS, type ErrorCode } from "@/lib/errors";
import { logger } from "@/lib/logger";

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown; requestId?: string };
}

export function errorResponse(
  code: ErrorCode,
  message: string,
  options: { details?: unknown; headers?: Record<string, string>; requestId?: string } = {},
) {
  const body: ErrorBody = {
    error: {
      code,
      message,
      ...(options.details === undefined ? {} : { details: options.details }),
      ...(options.requestId ? { requestId: options.requestId } : {}),
    },
  };
  return NextResponse.json(body, { status: ERROR_STATUS[code], headers: options.headers });
}

/**
 * zod issues as `[{ path: "payload.amount", message }]`, the shape documented in the API. An
 * unknown field (request schemas are strict) gets one entry of its own, its path naming it.
 */
export function zodDetails(error: ZodError): Array<{ path: string; message: string }> {
  return error.issues.flatMap((issue) =>
    issue.code === "unrecognized_keys"
      ? issue.keys.map((key) => ({ path: [...issue.path, key].map(String).join("."), message: "unknown field" }))
      : [{ path: issue.path.map(String).join("."), message: issue.message }],
  );
}

/**
 * The message of a 422: names the unknown fields when there are any (a typo in a field name is
 * the mistake a generic "not valid" hides best), else says the request is not valid.
 */
export function validationMessage(error: ZodError, noun = "field"): string {
  const unknown = zodDetails(error)
    .filter((detail) => detail.message === "unknown field")
    .map((detail) => `'${detail.path}'`);
  if (!unknown.length) return "The request is not valid.";
  return `Unknown ${noun}${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")}.`;
}

// Connection-level failures of PostgreSQL: Node socket errors, PostgreSQL's own codes (57P0x
// shutdown, 08xxx connection exceptions, 25P03 a session ended for idling in a transaction) and Prisma's (P1001 unreachable, P1002 timed out,
// P1008 operation timed out, P1017 connection closed, P2024 pool timeout).
const UNAVAILABLE_CODES: ReadonlySet<string> = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "57P01",
  "57P02",
  "57P03",
  "25P03",
  "08000",
  "08003",
  "08006",
  "08001",
  "08004",
  "P1001",
  "P1002",
  "P1008",
  "P1017",
  "P2024",
]);

// How Prisma's pg adapter describes the same failures (meta.driverAdapterError.cause).
const UNAVAILABLE_ADAPTER_KINDS: ReadonlySet<string> = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
  "TlsConnectionError",
]);

interface AdapterCause {
  kind?: string;
  originalCode?: string;
}

function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" && UNAVAILABLE_CODES.has(code)) return true;
  const adapterCause = (error as { meta?: { driverAdapterError?: { cause?: AdapterCause } } }).meta?.driverAdapterError
    ?.cause;
  if (
    adapterCause &&
    (UNAVAILABLE_ADAPTER_KINDS.has(adapterCause.kind ?? "") || UNAVAILABLE_CODES.has(adapterCause.originalCode ?? ""))
  )
    return true;
  // pg: "Connection terminated unexpectedly", a pool that cannot connect, and a statement sent on
  // a client whose connection had already failed ("Client has encountered a connection error
  // and is not queryable").
  if (
    /Connection terminated|timeout exceeded when trying to connect|connect ECONNREFUSED|connection error and is not queryable/i.test(
      error.message,
    )
  )
    return true;
  const cause = (error as { cause?: unknown }).cause;
  return cause !== undefined && cause !== error && isDatabaseUnavailable(cause);
}

/** Prisma's "record not found" (P2025) and our own AppError, ZodError and the rest. */
export function handleApiError(error: unknown, requestId?: string) {
  if (error instanceof AppError)
    return errorResponse(error.code, error.message, { details: error.details, headers: error.headers, requestId });
  if (error instanceof ZodError)
    return errorResponse("validation_failed", validationMessage(error), { details: zodDetails(error), requestId });
  if ((error as { code?: unknown })?.code === "P2025") return errorResponse("not_found", "Not found.", { requestId });
  if (isDatabaseUnavailable(error)) {
    logger.warn({ err: error, requestId }, "database unavailable");
    return errorResponse("unavailable", "The service is temporarily unavailable; try again shortly.", {
      headers: { "retry-after": "5" },
      requestId,
    });
  }
  logger.error({ err: error, requestId }, "unhandled error in API route");
  return errorResponse("internal_error", "Something went wrong on our side.", { requestId });
}
