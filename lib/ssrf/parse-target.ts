// Create-time check of a webhook endpoint URL, so a tenant learns at once that a target can
// never be delivered to, instead of seeing every delivery fail later. It is a first line only:
// a hostname can resolve to anything at send time, so the guarded connector re-checks every
// resolved address. No DNS lookup happens here on purpose: the answer could change before the
// first delivery (rebinding), and a slow resolver must not stall an API request.
import { isIP } from "node:net";
import { classifyAddress, type BlockedRange } from "./classify-address";

export type TargetRefusalCode = "invalid_url" | "unsupported_scheme" | "credentials_in_url" | "blocked_address";

export type ParsedTarget =
  { ok: true; url: URL } | { ok: false; code: TargetRefusalCode; message: string; range?: BlockedRange };

export type ParseTargetOptions = {
  /** Allow loopback, private and other internal targets (development, tests, trusted setups). */
  allowPrivateNetworks: boolean;
};

// Webhooks are HTTP POSTs; every other scheme (file:, gopher:, ftp:, javascript:, data:) is
// either meaningless here or a classic SSRF vector.
const ALLOWED_SCHEMES: ReadonlySet<string> = new Set(["http:", "https:"]);

function refuse(code: TargetRefusalCode, message: string, range?: BlockedRange): ParsedTarget {
  return range ? { ok: false, code, message, range } : { ok: false, code, message };
}

/**
 * Returns the IP literal in a WHATWG-parsed hostname, or undefined for a domain name.
 * URL has already rewritten every IPv4 spelling ("2130706433", "0177.0.0.1", "0x7f.1",
 * "127.1") to dotted decimal and rejected hosts that end in a number but are no valid IPv4,
 * so only the dotted and the bracketed IPv6 forms can reach this point.
 */
function ipLiteralOf(hostname: string): string | undefined {
  if (hostname.startsWith("[") && hostname.endsWith("]")) return hostname.slice(1, -1);
  return isIP(hostname) === 4 ? hostname : undefined;
}

// RFC 6761 reserves "localhost" and its subdomains for loopback, whatever DNS says; refusing
// them here gives a clear error at create time rather than a blocked delivery later.
function isLocalhostName(hostname: string): boolean {
  const name = hostname.endsWith(".") ? hostname.slice(0, -1) : hostname;
  return name === "localhost" || name.endsWith(".localhost");
}

/** Validates and normalises a webhook endpoint URL; the returned `url.href` is what to store. */
export function parseTarget(input: string, options: ParseTargetOptions): ParsedTarget {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return refuse("invalid_url", "The endpoint URL is not a valid absolute URL.");
  }

  if (!ALLOWED_SCHEMES.has(url.protocol)) {
    return refuse("unsupported_scheme", `Only http and https URLs can receive webhooks, not "${url.protocol}".`);
  }

  // Userinfo would be sent as Basic auth by some clients and lands in logs and the dashboard;
  // receiver credentials belong in the endpoint's encrypted settings instead.
  if (url.username !== "" || url.password !== "") {
    return refuse(
      "credentials_in_url",
      "The endpoint URL must not contain a user name or password; configure receiver credentials separately.",
    );
  }

  if (options.allowPrivateNetworks) return { ok: true, url };

  const literal = ipLiteralOf(url.hostname);
  if (literal !== undefined) {
    const verdict = classifyAddress(literal);
    if (verdict.blocked) {
      return refuse(
        "blocked_address",
        `The address ${literal} is in a blocked range (${verdict.range}); webhooks cannot target internal networks.`,
        verdict.range,
      );
    }
  } else if (isLocalhostName(url.hostname)) {
    return refuse(
      "blocked_address",
      `The host ${url.hostname} always means this machine; webhooks cannot target internal networks.`,
      "loopback",
    );
  }
  return { ok: true, url };
}
