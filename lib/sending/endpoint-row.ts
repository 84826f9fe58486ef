// The endpoint columns a sender needs, selected alongside a delivery (the worker's claim, the
// web's resend and test sends), and their shape in TypeScript. One definition for all of them.
export interface EndpointRow {
  id: string;
  url: string;
  disabled: boolean;
  secretEnc: string;
  previousSecretEnc: string | null;
  previousSecretExpiresAt: Date | null;
  headersEnc: string | null;
  authEnc: string | null;
  rateLimit: number | null;
  maxConcurrency: number | null;
  timeoutMs: number | null;
  /** The stored transformation (jsonb, checked when compiled), null for none. */
  transformation: unknown;
  clientCertificateEnc: string | null;
  caCertificate: string | null;
  proxyMode: string;
  proxyUrl: string | null;
  proxyCredentialsEnc: string | null;
  traceContext: boolean;
  /** Changes whenever the endpoint's configuration does: the key of the decrypted-config cache. */
  version: string;
}

/** Select list for `endpoints e`. */
export const ENDPOINT_ROW_SQL = `e.id AS endpoint_id, e.url, e.disabled_at IS NOT NULL AS disabled, e.secret_enc, e.previous_secret_enc,
  e.previous_secret_expires_at, e.headers_enc, e.auth_enc, e.rate_limit, e.max_concurrency, e.timeout_ms, e.transformation, e.updated_at::text AS version,
  e.client_certificate_enc, e.ca_certificate, e.proxy_mode, e.proxy_url, e.proxy_credentials_enc, e.trace_context`;

export interface EndpointSqlRow {
  endpoint_id: string;
  url: string;
  disabled: boolean;
  secret_enc: string;
  previous_secret_enc: string | null;
  previous_secret_expires_at: Date | null;
  headers_enc: string | null;
  auth_enc: string | null;
  rate_limit: number | null;
  max_concurrency: number | null;
  timeout_ms: number | null;
  transformation?: unknown;
  version: string;
  client_certificate_enc: string | null;
  ca_certificate: string | null;
  proxy_mode: string;
  proxy_url: string | null;
  proxy_credentials_enc: string | null;
  trace_context: boolean;
}

export function toEndpointRow(row: EndpointSqlRow): EndpointRow {
  return {
    id: row.endpoint_id,
    url: row.url,
    disabled: row.disabled,
    secretEnc: row.secret_enc,
    previousSecretEnc: row.previous_secret_enc,
    previousSecretExpiresAt: row.previous_secret_expires_at,
    headersEnc: row.headers_enc,
    authEnc: row.auth_enc,
    rateLimit: row.rate_limit,
    maxConcurrency: row.max_concurrency,
    timeoutMs: row.timeout_ms,
    transformation: row.transformation ?? null,
    version: row.version,
    clientCertificateEnc: row.client_certificate_enc,
    caCertificate: row.ca_certificate,
    proxyMode: row.proxy_mode,
    proxyUrl: row.proxy_url,
    proxyCredentialsEnc: row.proxy_credentials_enc,
    traceContext: row.trace_context,
  };
}
