// The chaos harness: what every fault scenario of test/reliability/chaos-*.test.ts is made of.
// A scenario runs a steady publish load against a real web process, injects its faults, waits for
// the dust to settle and reports one ChaosResult. The same scenario function runs short in
// `npm test` and at full length in `npm run chaos` (chaosLength() picks; vitest.chaos.config.ts).
//
//   const receiver = await startSigningReceiver();
//   receiver.endpoint("/a", secret);                      // the endpoint's whsec_ secret; every
//                                                         // request is verified with standardwebhooks
//   const load = startLoad({ url, apiKey, tenantId, eventType, ratePerSecond: 50, durationMs });
//   faults.push(Date.now()); ...                          // inject faults, note when
//   const report = await load.done;                       // every publish answered (or given up)
//   const result = await settle({ scenario, load: report, receiver, paths: ["/a"], faults,
//                                 boundMs, duplicateBound });
//   assertResult(result, report, receiver);               // records it for the `npm run chaos`
//                                                         // table, then makes the common checks
//
// - startLoad publishes at a bounded rate for a bounded time. Each message has its own
//   Idempotency-Key; a refused connection, a timeout or a 5xx is retried with the same key
//   (backoff 100 ms doubling to 1 s) until `retryForMs` after the load window. Every 202 (and
//   the 200 a repeated key answers with the original) is recorded with its message id.
// - startSigningReceiver listens on 127.0.0.1, verifies every request's signature (a bad or
//   missing one is recorded in `badSignatures` and answered 401), and counts arrivals per
//   (path, message id).
// - settle waits until every accepted message has arrived at every path (or `timeoutMs`), then
//   counts per (message, path): lost = never arrived, duplicates = arrivals beyond the first.
//   recoveryMs, for each fault: from the fault to the first arrival of a message whose first
//   publish was sent after the fault, i.e. the whole path (publish, store, claim, send) works
//   again; the maximum over faults. A scenario may measure its own (e.g. a takeover) instead.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Webhook } from "standardwebhooks";
import { expect, inject } from "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    /** Set by `npm run chaos` (test/reliability/chaos/report.ts): where scenarios write results. */
    chaosResultsDir?: string;
  }
}

/** Short in `npm test`, full in `npm run chaos` (HOOKLINE_CHAOS=full). */
export const chaosMode = (): "short" | "full" => (process.env.HOOKLINE_CHAOS === "full" ? "full" : "short");
export const chaosLength = <T>(short: T, full: T): T => (chaosMode() === "full" ? full : short);

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------------------------
// Publish load

export interface LoadOptions {
  /** The web process, e.g. http://127.0.0.1:3000 */
  url: string;
  apiKey: string;
  tenantId: string;
  eventType: string;
  ratePerSecond: number;
  durationMs: number;
  /** How long after the load window a publish still retries (default 60 s). */
  retryForMs?: number;
  /** Per-request timeout; no answer within it counts as no answer (default 10 s). */
  requestTimeoutMs?: number;
  /** At most this many publishes waiting for an answer; the rate drops rather than pile up (default 64). */
  maxInFlight?: number;
}

export interface Published {
  messageId: string;
  idempotencyKey: string;
  /** When the first request for this message was sent (ms since epoch). */
  firstSentAt: number;
  acceptedAt: number;
  /** Requests it took (1 = accepted at once). */
  tries: number;
  /** Answered 200 with the original: an earlier try had been stored without its answer arriving. */
  replayed: boolean;
}

export interface LoadReport {
  accepted: Published[];
  /** Publishes never accepted within the retry window (the client would report an error). */
  givenUp: number;
  /** Every answer by status (0 = refused, reset or no answer in time). */
  statuses: Record<number, number>;
  /** Bodies of answers other than 200/202/503 and refused connections (at most 5): the evidence of a bug. */
  unexpected: string[];
}

export interface Load {
  /** When the load began (ms since epoch). */
  readonly started: number;
  /** Accepted so far (grows while the load runs). */
  readonly accepted: readonly Published[];
  /** Resolves once the load window is over and every publish was accepted or given up. */
  done: Promise<LoadReport>;
}

export function startLoad(options: LoadOptions): Load {
  const retryForMs = options.retryForMs ?? 60_000;
  const requestTimeoutMs = options.requestTimeoutMs ?? 10_000;
  const maxInFlight = options.maxInFlight ?? 64;
  const run = `chaos-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const accepted: Published[] = [];
  const statuses: Record<number, number> = {};
  const unexpected: string[] = [];
  let givenUp = 0;
  let inFlight = 0;
  const started = Date.now();
  const giveUpAt = started + options.durationMs + retryForMs;

  async function publishOne(n: number): Promise<void> {
    const idempotencyKey = `${run}-${n}`;
    const firstSentAt = Date.now();
    for (let tries = 1; ; tries++) {
      let status = 0;
      let body = "";
      try {
        const response = await fetch(`${options.url}/api/v1/tenants/${options.tenantId}/messages`, {
          method: "POST",
          headers: {
            authorization: `Bearer ${options.apiKey}`,
            "content-type": "application/json",
            "idempotency-key": idempotencyKey,
          },
          body: JSON.stringify({ eventType: options.eventType, payload: { n, run } }),
          signal: AbortSignal.timeout(requestTimeoutMs),
        });
        status = response.status;
        body = await response.text();
      } catch {
        status = 0; // refused, reset, or no answer in time: the publish may or may not be stored
      }
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (status === 202 || status === 200) {
        const { id } = JSON.parse(body) as { id: string };
        accepted.push({
          messageId: id,
          idempotencyKey,
          firstSentAt,
          acceptedAt: Date.now(),
          tries,
          replayed: status === 200,
        });
        return;
      }
      if (status !== 0 && status !== 503 && unexpected.length < 5) unexpected.push(`${status} ${body.slice(0, 300)}`);
      if (status >= 400 && status < 500) {
        givenUp++; // a client error does not get better by repeating it
        return;
      }
      if (Date.now() > giveUpAt) {
        givenUp++;
        return;
      }
      await sleep(Math.min(1_000, 100 * 2 ** Math.min(tries - 1, 4)));
    }
  }

  const done = (async () => {
    const intervalMs = 1_000 / options.ratePerSecond;
    const publishes: Array<Promise<void>> = [];
    for (let n = 0; ; n++) {
      const due = started + n * intervalMs;
      if (due - started >= options.durationMs) break;
      if (due > Date.now()) await sleep(due - Date.now());
      while (inFlight >= maxInFlight) await sleep(5);
      inFlight++;
      publishes.push(publishOne(n).finally(() => inFlight--));
    }
    await Promise.all(publishes);
    return { accepted, givenUp, statuses, unexpected };
  })();
  return { started, accepted, done };
}

// ---------------------------------------------------------------------------------------------
// Signing receiver

export interface Arrival {
  path: string;
  messageId: string;
  at: number;
}

export interface ReceiverBehaviour {
  /** Answer with this status (default 204). */
  status?: number;
  /** Answer after this long. */
  delayMs?: number;
}

export interface SigningReceiver {
  port: number;
  url(path: string): string;
  /** Accepts requests at `path`, signed with `secret` (whsec_…). */
  endpoint(path: string, secret: string, behaviour?: ReceiverBehaviour): void;
  /** Every verified request, in arrival order. */
  readonly arrivals: readonly Arrival[];
  /** Requests whose signature did not verify (or to a path nobody registered). */
  readonly badSignatures: ReadonlyArray<{ path: string; reason: string }>;
  /** Verified arrivals of one message at one path. */
  count(path: string, messageId: string): number;
  /** When a message first arrived at a path (undefined: not yet). */
  firstArrival(path: string, messageId: string): number | undefined;
  close(): Promise<void>;
}

export async function startSigningReceiver(): Promise<SigningReceiver> {
  const endpoints = new Map<string, { verifier: Webhook; behaviour: ReceiverBehaviour }>();
  const arrivals: Arrival[] = [];
  const badSignatures: Array<{ path: string; reason: string }> = [];
  const counts = new Map<string, { count: number; first: number }>();
  const key = (path: string, messageId: string) => `${path} ${messageId}`;

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const at = Date.now();
      const requestPath = (req.url ?? "/").split("?")[0]!;
      const endpoint = endpoints.get(requestPath);
      const headers = Object.fromEntries(
        Object.entries(req.headers).map(([name, value]) => [
          name,
          Array.isArray(value) ? value.join(", ") : (value ?? ""),
        ]),
      );
      let messageId: string;
      try {
        if (!endpoint) throw new Error("no endpoint registered at this path");
        endpoint.verifier.verify(Buffer.concat(chunks).toString("utf8"), headers);
        messageId = headers["webhook-id"]!;
      } catch (error) {
        badSignatures.push({ path: requestPath, reason: (error as Error).message });
        res.writeHead(401).end();
        return;
      }
      arrivals.push({ path: requestPath, messageId, at });
      const seen = counts.get(key(requestPath, messageId));
      if (seen) seen.count++;
      else counts.set(key(requestPath, messageId), { count: 1, first: at });
      const answer = () => res.writeHead(endpoint.behaviour.status ?? 204).end();
      if (endpoint.behaviour.delayMs) setTimeout(answer, endpoint.behaviour.delayMs);
      else answer();
    });
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: (path) => `http://127.0.0.1:${port}${path}`,
    endpoint: (path, secret, behaviour = {}) => endpoints.set(path, { verifier: new Webhook(secret), behaviour }),
    arrivals,
    badSignatures,
    count: (path, messageId) => counts.get(key(path, messageId))?.count ?? 0,
    firstArrival: (path, messageId) => counts.get(key(path, messageId))?.first,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Result

export interface ChaosResult {
  scenario: string;
  /** Publishes accepted (202, or 200 for a retried key whose first try was stored). */
  messages: number;
  /** (message, endpoint) pairs accepted but never received. */
  lost: number;
  /** Receipts beyond the first, per (message, endpoint). */
  duplicates: number;
  /** Fault → recovery (see the header), the maximum over faults; null when the scenario has no fault. */
  recoveryMs: number | null;
  /** The bound recoveryMs must stay under. */
  boundMs: number | null;
  /** The bound duplicates must stay within (derived from what was in flight at the faults). */
  duplicateBound: number;
  faults: number;
  durationMs: number;
  /** p99 of publish (first request sent) → first received, over the checked paths. */
  latencyP99Ms?: number;
  /** p99 of accepted (the 202 arrived) → first received: the delivery's share of the above. */
  deliveryP99Ms?: number;
  /** Anything else the scenario measured, e.g. "p99 publish→received 180 ms". */
  notes?: string;
}

export interface SettleOptions {
  scenario: string;
  load: LoadReport;
  receiver: SigningReceiver;
  /** Paths every accepted message must reach. */
  paths: readonly string[];
  /** When each fault was injected (ms since epoch). */
  faults: readonly number[];
  boundMs: number | null;
  duplicateBound: number;
  durationMs: number;
  /** How long to wait for stragglers (default 120 s). */
  timeoutMs?: number;
  /** The scenario's own recovery figure instead of the default (see the header). */
  recoveryMs?: number | null;
  notes?: string;
}

/**
 * p99 of publish → first arrival, per (message, path), over the accepted messages that arrived:
 * from the first request sent (`from: "sent"`) or from the 202 (`"accepted"`).
 */
export function latencyP99(
  load: LoadReport,
  receiver: SigningReceiver,
  paths: readonly string[],
  from: "sent" | "accepted" = "sent",
): number {
  const latencies: number[] = [];
  for (const published of load.accepted)
    for (const path of paths) {
      const arrived = receiver.firstArrival(path, published.messageId);
      const start = from === "sent" ? published.firstSentAt : published.acceptedAt;
      if (arrived !== undefined) latencies.push(arrived - start);
    }
  latencies.sort((a, b) => a - b);
  return latencies.length ? latencies[Math.min(latencies.length - 1, Math.ceil(latencies.length * 0.99) - 1)]! : NaN;
}

/** Time from each fault to the first arrival of a message first sent after it; max over faults. */
export function recoveryAfterFaults(
  faults: readonly number[],
  load: LoadReport,
  receiver: SigningReceiver,
  paths: readonly string[],
): number | null {
  if (!faults.length) return null;
  let worst = 0;
  for (const fault of faults) {
    let first = Infinity;
    for (const published of load.accepted) {
      if (published.firstSentAt < fault) continue;
      for (const path of paths) first = Math.min(first, receiver.firstArrival(path, published.messageId) ?? Infinity);
    }
    worst = Math.max(worst, first - fault);
  }
  return worst;
}

export async function settle(options: SettleOptions): Promise<ChaosResult> {
  const { load, receiver, paths } = options;
  const missing = () =>
    load.accepted.reduce(
      (sum, published) => sum + paths.filter((path) => receiver.count(path, published.messageId) === 0).length,
      0,
    );
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  while (missing() > 0 && Date.now() < deadline) await sleep(100);
  // Stragglers of the last fault (a lease running out) may still come: a moment more for them
  // to show up as duplicates rather than be missed.
  await sleep(500);
  let duplicates = 0;
  for (const published of load.accepted)
    for (const path of paths) duplicates += Math.max(0, receiver.count(path, published.messageId) - 1);
  return {
    scenario: options.scenario,
    messages: load.accepted.length,
    lost: missing(),
    duplicates,
    recoveryMs:
      options.recoveryMs !== undefined
        ? options.recoveryMs
        : recoveryAfterFaults(options.faults, load, receiver, paths),
    boundMs: options.boundMs,
    duplicateBound: options.duplicateBound,
    faults: options.faults.length,
    durationMs: options.durationMs,
    latencyP99Ms: latencyP99(load, receiver, paths),
    deliveryP99Ms: latencyP99(load, receiver, paths, "accepted"),
    notes: options.notes,
  };
}

/**
 * Records the result (for the `npm run chaos` table, failed or not) and makes the checks every
 * scenario makes: nothing lost, every signature good, no publish refused for good, duplicates and
 * recovery within their bounds.
 */
export function assertResult(result: ChaosResult, load: LoadReport, receiver: SigningReceiver): void {
  console.info(formatResult(result));
  recordResult(result);
  expect(receiver.badSignatures).toEqual([]);
  expect(load.unexpected).toEqual([]);
  expect(load.givenUp).toBe(0);
  expect(result.messages).toBeGreaterThan(0);
  expect(result.lost).toBe(0);
  expect(result.duplicates).toBeLessThanOrEqual(result.duplicateBound);
  if (result.boundMs !== null) {
    expect(result.recoveryMs).not.toBeNull();
    expect(result.recoveryMs!).toBeLessThan(result.boundMs);
  }
}

export function formatResult(result: ChaosResult): string {
  const recovery = result.recoveryMs === null ? "n/a" : `${result.recoveryMs} ms`;
  const bound = result.boundMs === null ? "" : ` (bound ${result.boundMs} ms)`;
  return (
    `${result.scenario}: ${result.messages} messages, ${result.lost} lost, ${result.duplicates} duplicates ` +
    `(bound ${result.duplicateBound}), ${result.faults} faults, recovery ${recovery}${bound}, ` +
    `p99 publish→received ${result.latencyP99Ms} ms (202→received ${result.deliveryP99Ms} ms)` +
    (result.notes ? `; ${result.notes}` : "")
  );
}

/** Keeps the result for the `npm run chaos` table (a no-op in `npm test`). */
export function recordResult(result: ChaosResult): void {
  const dir = inject("chaosResultsDir");
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  const slug = result.scenario.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  writeFileSync(path.join(dir, `${slug}.json`), JSON.stringify(result, null, 2));
}
