// One error type for the whole domain. lib/ functions throw AppError with a machine-readable
// code; lib/api/handle-api-error.ts turns it into `{ error: { code, message, details? } }` with
// the status from this table. Codes are part of the public API: add, never rename.
export const ERROR_STATUS = {
  bad_request: 400,
  invalid_json: 400,
  unauthorized: 401,
  invalid_credentials: 401,
  forbidden: 403,
  registration_closed: 403,
  not_found: 404,
  invite_invalid: 404,
  method_not_allowed: 405,
  conflict: 409,
  email_taken: 409,
  last_owner: 409,
  idempotency_key_reused: 409,
  incident_not_open: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  validation_failed: 422,
  event_type_unknown: 422,
  event_type_archived: 422,
  event_type_reserved: 422,
  payload_schema_mismatch: 422,
  endpoint_disabled: 422,
  rate_limited: 429,
  internal_error: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    /** Extra response headers, e.g. Retry-After on rate_limited. */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = (what: string) => new AppError("not_found", `${what} not found`);
