// The undici `connect` function every outgoing webhook goes through (DESIGN.md, "Security
// rules"). It resolves the hostname itself, checks every answer against the SSRF policy, and
// then connects to the exact address it checked. Doing the lookup here, instead of letting the
// socket resolve the name again, is what defeats DNS rebinding: an attacker's DNS server cannot
// answer "public" to the check and "127.0.0.1" to the connect, because there is only one lookup.
//
// Usage: new Agent({ connect: createGuardedConnector({ allowPrivateNetworks, connectTimeoutMs }) })
// Redirects are out of scope: undici's `request` does not follow them, and a caller that wants
// to must send the new URL through this connector again (Hookline follows none, per DESIGN.md).
import { lookup } from "node:dns/promises";
import { isIP, type LookupFunction } from "node:net";
import type { ConnectionOptions } from "node:tls";
import { buildConnector } from "undici";
import { classifyAddress } from "./classify-address";
import { SsrfBlockedError, SsrfDnsError } from "./ssrf-errors";

export type ResolvedAddress = { address: string; family: number };

/** Turns a hostname into every address it currently has, as `dns.promises.lookup({ all: true })`. */
export type ResolveHost = (hostname: string) => Promise<readonly ResolvedAddress[]>;

export type GuardedConnectorOptions = {
  /** Skip the address policy (development, tests); the single lookup is kept either way. */
  allowPrivateNetworks: boolean;
  /** Budget for the DNS lookup, and again for the TCP/TLS handshake. */
  connectTimeoutMs: number;
  /** Defaults to the system resolver (getaddrinfo, so /etc/hosts applies too). */
  resolve?: ResolveHost;
  /** TLS options for https targets: an mTLS client certificate and key, extra trusted CAs. */
  tls?: Pick<ConnectionOptions, "cert" | "key" | "ca">;
  /** Opens the socket once the address is checked; defaults to undici's `buildConnector`. */
  socketFactory?: buildConnector.connector;
};

const resolveWithSystemDns: ResolveHost = (hostname) => lookup(hostname, { all: true });

// Handed to net/tls as their `lookup`, which they only call for a hostname, never for an IP
// literal. Since we always pass the checked IP, a call means a bug that would bypass the guard.
const refuseSecondLookup: LookupFunction = (hostname, _options, callback) => {
  callback(new SsrfDnsError(hostname, "refusing a second lookup after the SSRF check"), "", 4);
};

function withTimeout<T>(work: Promise<T>, hostname: string, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new SsrfDnsError(hostname, `timed out after ${timeoutMs} ms`, { dnsCode: "ETIMEOUT" })),
      timeoutMs,
    );
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

async function resolveAddresses(hostname: string, resolve: ResolveHost, timeoutMs: number): Promise<string[]> {
  // An IP-literal URL needs no lookup, and a custom resolver might not echo literals back.
  if (isIP(hostname) !== 0) return [hostname];
  let answers: readonly ResolvedAddress[];
  try {
    answers = await withTimeout(resolve(hostname), hostname, timeoutMs);
  } catch (error) {
    if (error instanceof SsrfDnsError) throw error;
    const dnsCode =
      error instanceof Error && "code" in error && typeof error.code === "string" ? error.code : undefined;
    throw new SsrfDnsError(hostname, error instanceof Error ? error.message : String(error), { dnsCode, cause: error });
  }
  if (answers.length === 0) throw new SsrfDnsError(hostname, "no addresses", { dnsCode: "ENODATA" });
  return answers.map((answer) => answer.address);
}

/**
 * Resolves once and returns the address to connect to. Every answer is checked, not only the
 * one we use: a name that mixes public and internal addresses is hostile or misconfigured.
 */
async function pickCheckedAddress(
  hostname: string,
  options: GuardedConnectorOptions,
  resolve: ResolveHost,
): Promise<string> {
  const addresses = await resolveAddresses(hostname, resolve, options.connectTimeoutMs);
  for (const address of addresses) {
    // Enforced even with private networks allowed: a non-IP here would make the socket do
    // its own, unchecked lookup.
    if (isIP(address) === 0) throw new SsrfDnsError(hostname, `resolver answered "${address}", not an IP address`);
    if (options.allowPrivateNetworks) continue;
    const verdict = classifyAddress(address);
    if (verdict.blocked) throw new SsrfBlockedError(hostname, address, verdict.range);
  }
  // The first answer, as the resolver ordered them; no fallback to the others on failure,
  // which keeps "the address we checked" and "the address we used" trivially the same.
  return addresses[0] as string;
}

/** Builds the `connect` function for an undici Agent, Pool or Client. */
export function createGuardedConnector(options: GuardedConnectorOptions): buildConnector.connector {
  const resolve = options.resolve ?? resolveWithSystemDns;
  const openSocket =
    options.socketFactory ??
    buildConnector({ ...options.tls, timeout: options.connectTimeoutMs, lookup: refuseSecondLookup });

  return function guardedConnect(connectOptions, callback) {
    let settled = false;
    const settle: buildConnector.Callback = (...args) => {
      if (settled) return;
      settled = true;
      callback(...args);
    };
    const { hostname } = connectOptions;

    pickCheckedAddress(hostname, options, resolve).then(
      (address) => {
        try {
          openSocket(
            {
              ...connectOptions,
              // The socket goes to the checked IP; TLS still verifies the certificate against
              // the original name (SNI, and undici keys its session cache by it). IP literals
              // get no SNI (RFC 6066), so undici's own default is kept for them.
              hostname: address,
              servername: connectOptions.servername || (isIP(hostname) === 0 ? hostname : undefined),
            },
            settle,
          );
        } catch (error) {
          settle(error instanceof Error ? error : new Error(String(error)), null);
        }
      },
      (error: unknown) => settle(error instanceof Error ? error : new Error(String(error)), null),
    );
  };
}

/**
 * The check for a target reached through an HTTP CONNECT proxy, which resolves the name again
 * itself: refuse an IP literal in a blocked range, or a name whose answers here include one,
 * before the proxy is asked. A name that does not resolve here (workers without outside DNS)
 * is left to the proxy, which must enforce its own deny-by-default rules (docs/SECURITY.md).
 */
export async function checkProxiedTarget(
  host: string,
  options: Pick<GuardedConnectorOptions, "allowPrivateNetworks" | "connectTimeoutMs" | "resolve">,
): Promise<void> {
  if (options.allowPrivateNetworks) return;
  const hostname = host.startsWith("[") && host.endsWith("]") ? host.slice(1, -1) : host;
  let addresses: string[];
  try {
    addresses = await resolveAddresses(hostname, options.resolve ?? resolveWithSystemDns, options.connectTimeoutMs);
  } catch {
    return;
  }
  for (const address of addresses) {
    const verdict = classifyAddress(address);
    if (verdict.blocked) throw new SsrfBlockedError(hostname, address, verdict.range);
  }
}
