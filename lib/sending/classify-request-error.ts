// Why a request got no usable response, as the short `error_kind` stored on the attempt and
// shown in the dashboard. Only the kind decides retries (lib/queue/retry-policy.ts).
import { ssrfErrorKind } from "@/lib/ssrf";

/**
 * `config`: the endpoint's stored configuration could not be read; `transformation`: its
 * transformation failed, ran too long or gave too large a body (both set before any request).
 */
export type RequestErrorKind =
  | "timeout"
  | "dns"
  | "connect"
  | "connection_reset"
  | "tls"
  | "ssrf_blocked"
  | "invalid_response"
  | "auth"
  | "network"
  | "config"
  | "transformation";

const TLS_CODES =
  /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|HOSTNAME_MISMATCH|ERR_OSSL_)/;

function codesOf(error: unknown): string[] {
  const codes: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") codes.push(code);
    const name = (current as { name?: unknown }).name;
    if (typeof name === "string") codes.push(name);
    current = (current as { cause?: unknown }).cause;
  }
  return codes;
}

export function classifyRequestError(error: unknown): RequestErrorKind {
  const ssrf = ssrfErrorKind(error) ?? ssrfErrorKind((error as { cause?: unknown })?.cause);
  if (ssrf) return ssrf;
  const codes = codesOf(error);
  const has = (...wanted: string[]) => codes.some((code) => wanted.includes(code));
  if (has("RECEIVER_AUTH_FAILED")) return "auth";
  if (has("TimeoutError", "UND_ERR_CONNECT_TIMEOUT", "UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT", "ETIMEDOUT"))
    return "timeout";
  if (has("ENOTFOUND", "EAI_AGAIN", "EAI_NONAME", "DNS_LOOKUP_FAILED")) return "dns";
  if (codes.some((code) => TLS_CODES.test(code))) return "tls";
  if (has("ECONNREFUSED", "EHOSTUNREACH", "ENETUNREACH", "EADDRNOTAVAIL")) return "connect";
  if (has("ECONNRESET", "EPIPE", "UND_ERR_SOCKET", "UND_ERR_CLOSED")) return "connection_reset";
  if (
    codes.some((code) => code.startsWith("HPE_")) ||
    has("HTTPParserError", "UND_ERR_INFO", "UND_ERR_RES_CONTENT_LENGTH_MISMATCH", "UND_ERR_RES_EXCEEDED_MAX_SIZE")
  )
    return "invalid_response";
  return "network";
}
