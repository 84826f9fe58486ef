// (1) Raw ceiling: undici Pool POSTs of a delivery-sized body with webhook headers to the shared
// receiver process, at the worker's concurrency. No database, no signing per request: the most
// this machine can push through one Node process to that receiver, the reference for (2).
import { Pool } from "undici";
import { buildEnvelope, signPayload } from "../lib/signing";
import { generateSecret } from "../lib/signing/generate-secret";
import { CONCURRENCY, EVENT_TYPE, PAYLOAD, type BenchContext } from "./lib/context";
import type { BenchOutcome } from "./lib/report";

export async function measureRawCeiling(
  ctx: BenchContext,
  seconds: number,
): Promise<{ requestsPerSecond: number; requests: number; seconds: number }> {
  const body = buildEnvelope({ type: EVENT_TYPE, createdAt: new Date(), payloadJson: JSON.stringify(PAYLOAD) });
  const now = new Date();
  const headers = {
    "content-type": "application/json",
    "user-agent": "Hookline-bench",
    "webhook-id": "msg_01BENCH00000000000000000",
    "webhook-timestamp": String(Math.floor(now.getTime() / 1000)),
    "webhook-signature": signPayload({
      msgId: "msg_01BENCH00000000000000000",
      timestamp: now,
      body,
      secret: generateSecret(),
    }),
  };
  const pool = new Pool(ctx.receiver.url, { connections: CONCURRENCY, pipelining: 1 });
  // Warm up the connections first.
  await Promise.all(
    Array.from({ length: CONCURRENCY }, () =>
      pool.request({ method: "POST", path: "/raw", headers, body }).then((response) => response.body.dump()),
    ),
  );
  let requests = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < deadline) {
        const response = await pool.request({ method: "POST", path: "/raw", headers, body });
        await response.body.dump();
        if (response.statusCode !== 204) throw new Error(`receiver answered ${response.statusCode}`);
        requests++;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  await pool.close();
  return { requestsPerSecond: requests / elapsed, requests, seconds: elapsed };
}

export async function rawCeiling(ctx: BenchContext): Promise<BenchOutcome> {
  const result = await measureRawCeiling(ctx, ctx.quick ? 3 : 10);
  ctx.reference.rawCeiling = result.requestsPerSecond;
  return {
    rows: [
      {
        bench: "1 raw ceiling",
        name: `undici Pool → receiver, ${CONCURRENCY} connections`,
        value: result.requestsPerSecond,
        unit: "req/s",
        note: `${result.requests.toLocaleString("en-US")} requests in ${result.seconds.toFixed(1)} s`,
      },
    ],
    details: result,
  };
}
