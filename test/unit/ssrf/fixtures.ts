// Fixtures for the guarded-connector tests. They enforce DESIGN.md's network rule: a test may
// send packets to loopback only. Names are answered by a fake resolver (no DNS query leaves the
// machine), and the socket factory connects only to 127.0.0.1 / ::1, recording and refusing
// anything else so that the test's afterEach fails on it.
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import { isIP, type AddressInfo, type LookupFunction } from "node:net";
import { buildConnector } from "undici";
import type { ResolveHost } from "@/lib/ssrf";

const LOOPBACK_ADDRESSES: ReadonlySet<string> = new Set(["127.0.0.1", "::1"]);

export type LoopbackOnlyConnector = {
  connect: buildConnector.connector;
  /** Every connect the guard asked for, as it asked for it. */
  calls: buildConnector.Options[];
  /** Non-loopback addresses the guard asked for; any entry is a test failure. */
  violations: string[];
  /** Hostnames net/tls tried to look up themselves; any entry means a second DNS lookup. */
  lookups: string[];
};

export function createLoopbackOnlyConnector(): LoopbackOnlyConnector {
  const calls: buildConnector.Options[] = [];
  const violations: string[] = [];
  const lookups: string[] = [];
  const failingLookup: LookupFunction = (hostname, _options, callback) => {
    lookups.push(hostname);
    callback(new Error(`test connector refused a DNS lookup of ${hostname}`), "", 4);
  };
  const realConnect = buildConnector({ timeout: 2_000, lookup: failingLookup });
  const connect: buildConnector.connector = (options, callback) => {
    calls.push({ ...options });
    if (!LOOPBACK_ADDRESSES.has(options.hostname)) {
      violations.push(options.hostname);
      throw new Error(`test connector refused non-loopback address ${options.hostname}`);
    }
    realConnect(options, callback);
  };
  return { connect, calls, violations, lookups };
}

/** A socket factory that never opens a socket: it records the request and fails it. */
export function createRecordingConnector(): { connect: buildConnector.connector; calls: buildConnector.Options[] } {
  const calls: buildConnector.Options[] = [];
  const connect: buildConnector.connector = (options, callback) => {
    calls.push({ ...options });
    callback(new Error("recording connector: not connecting"), null);
  };
  return { connect, calls };
}

export class FakeDnsError extends Error {
  readonly code = "ENOTFOUND";
}

/**
 * A resolver answering from a table; a list of answer lists is served one per call (the last
 * one repeating), which is how the tests play a rebinding DNS server.
 */
export function createFakeResolver(table: Record<string, string[] | string[][]>): {
  resolve: ResolveHost;
  calls: string[];
} {
  const calls: string[] = [];
  const resolve: ResolveHost = async (hostname) => {
    const callIndex = calls.filter((name) => name === hostname).length;
    calls.push(hostname);
    const entry = table[hostname];
    if (entry === undefined) throw new FakeDnsError(`getaddrinfo ENOTFOUND ${hostname}`);
    const rounds = entry.every((item) => Array.isArray(item)) ? (entry as string[][]) : [entry as string[]];
    const answers = rounds[Math.min(callIndex, rounds.length - 1)] ?? [];
    return answers.map((address) => ({ address, family: isIP(address) }));
  };
  return { resolve, calls };
}

export type SeenRequest = { url: string | undefined; headers: IncomingHttpHeaders };

export type LoopbackServer = { port: number; seen: SeenRequest[]; close: () => Promise<void> };

/** A real HTTP receiver on 127.0.0.1; /redirect answers 302 to an internal-looking name. */
export async function startLoopbackServer(options: { closeConnections?: boolean } = {}): Promise<LoopbackServer> {
  const seen: SeenRequest[] = [];
  const server: Server = createServer((request, response) => {
    seen.push({ url: request.url, headers: request.headers });
    if (options.closeConnections) response.setHeader("connection", "close");
    if (request.url === "/redirect") {
      response.writeHead(302, { location: "http://evil.test/next" }).end();
      return;
    }
    response.writeHead(200, { "content-type": "text/plain" }).end(`hello from ${request.headers.host}`);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const close = () =>
    new Promise<void>((resolve, reject) => {
      server.closeAllConnections();
      server.close((error) => (error ? reject(error) : resolve()));
    });
  return { port, seen, close };
}
