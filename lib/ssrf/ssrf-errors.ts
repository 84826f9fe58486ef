// The two ways the guarded connector fails before any byte is sent. They carry a stable `kind`
// and `code` so the worker can record *why* a delivery failed ("blocked by SSRF policy" must
// read differently from "receiver unreachable" in the attempt log) without parsing messages.
// undici hands connector errors to the caller unchanged, so these reach `request()` as thrown.
import type { BlockedRange } from "./classify-address";

export type SsrfErrorKind = "ssrf_blocked" | "dns";

/** The target resolved to an address the SSRF policy refuses; nothing was connected. */
export class SsrfBlockedError extends Error {
  readonly kind = "ssrf_blocked" satisfies SsrfErrorKind;
  readonly code = "SSRF_BLOCKED";
  readonly hostname: string;
  readonly address: string;
  readonly range: BlockedRange;

  constructor(hostname: string, address: string, range: BlockedRange) {
    const shown = hostname === address ? address : `${hostname} (${address})`;
    super(`Refused to connect to ${shown}: address is in a blocked range (${range})`);
    this.name = "SsrfBlockedError";
    this.hostname = hostname;
    this.address = address;
    this.range = range;
  }
}

/**
 * The hostname could not be turned into a usable IP address: lookup failed or timed out, or
 * the resolver answered with nothing or with something that is not an IP. `dnsCode` keeps the
 * resolver's own code (ENOTFOUND, EAI_AGAIN, …) for the attempt log.
 */
export class SsrfDnsError extends Error {
  readonly kind = "dns" satisfies SsrfErrorKind;
  readonly code = "DNS_LOOKUP_FAILED";
  readonly hostname: string;
  readonly dnsCode: string | undefined;

  constructor(hostname: string, message: string, options: { dnsCode?: string; cause?: unknown } = {}) {
    super(`DNS lookup of ${hostname} failed: ${message}`, { cause: options.cause });
    this.name = "SsrfDnsError";
    this.hostname = hostname;
    this.dnsCode = options.dnsCode;
  }
}

/** The `kind` of an error raised by the SSRF guard, or undefined for any other error. */
export function ssrfErrorKind(error: unknown): SsrfErrorKind | undefined {
  if (error instanceof SsrfBlockedError || error instanceof SsrfDnsError) return error.kind;
  return undefined;
}
