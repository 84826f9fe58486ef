// (11) Transformations: the CPU an endpoint transformation adds to each delivery in the worker,
// and what a runaway expression costs the others.
// - Cost: the worker's own step (prepareBody in lib/sending/try-delivery.ts: the envelope, or the
//   cached compiled expression run on the parsed payload and its result serialised) for a
//   typical expression, renaming and picking 5 fields, against the same step without one.
//   process.cpuUsage over many calls, after a warm-up; the difference per delivery is the
//   figure. Target: < 0.05 ms.
// - Bound: a looping expression, evaluated while a 1 ms timer runs: how long each evaluation
//   takes and the longest the timer (i.e. every other delivery of the process) waited.
import { randomBytes } from "node:crypto";
import type { EndpointRow } from "../lib/sending/endpoint-row";
import type { BenchContext } from "./lib/context";
import { PAYLOAD } from "./lib/context";
import type { BenchOutcome } from "./lib/report";
import { summarize } from "./lib/report";

const TYPICAL = `{
  "event": type,
  "invoice": data.id,
  "cents": data.amount,
  "currency": $uppercase(data.currency),
  "customer": data.customer.id,
  "email": data.customer.email
}`;
const LOOP = "( $loop := function($n) { $n > 0 ? $loop($n) : 0 }; $loop(1) )";

export async function transformations(ctx: BenchContext): Promise<BenchOutcome> {
  const { prepareBody } = await import("../lib/sending/try-delivery");
  // The step reads only the endpoint's id, version and transformation (nothing is sent).
  const endpoint = (transformation: unknown) =>
    ({
      id: `ep_bench_${randomBytes(4).toString("hex")}`,
      url: "http://127.0.0.1:9/never",
      transformation,
      version: "v1",
    }) as unknown as EndpointRow;
  const delivery = (transformation: unknown) => ({
    tenantId: "tnt_bench",
    deliveryId: "dlv_bench",
    messageId: "msg_bench",
    attemptNumber: 1,
    eventType: "invoice.paid",
    messageCreatedAt: new Date(),
    payloadJson: JSON.stringify(PAYLOAD),
    endpoint: endpoint(transformation),
  });
  const plain = delivery(null);
  const transformed = delivery({ language: "jsonata", expression: TYPICAL });
  const check = await prepareBody(transformed);
  if ("startedAt" in check || !check.transformed) throw new Error("the typical expression did not transform");
  ctx.log(`typical expression sends ${check.body}`);

  const calls = ctx.quick ? 20_000 : 100_000;
  const cpuPerCall = async (target: typeof plain) => {
    for (let index = 0; index < 2_000; index++) await prepareBody(target); // warm-up
    const before = process.cpuUsage();
    for (let index = 0; index < calls; index++) await prepareBody(target);
    const used = process.cpuUsage(before);
    return (used.user + used.system) / 1_000 / calls; // ms per call
  };
  // Alternate the two, three rounds each, and keep each one's best round (the least disturbed).
  const plainRounds: number[] = [];
  const transformedRounds: number[] = [];
  for (let round = 0; round < 3; round++) {
    plainRounds.push(await cpuPerCall(plain));
    transformedRounds.push(await cpuPerCall(transformed));
  }
  const plainMs = Math.min(...plainRounds);
  const transformedMs = Math.min(...transformedRounds);
  const added = transformedMs - plainMs;

  const looping = delivery({ language: "jsonata", expression: LOOP });
  const durations: number[] = [];
  let longestWait = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    longestWait = Math.max(longestWait, now - last);
    last = now;
  }, 1);
  for (let index = 0; index < 10; index++) {
    const started = performance.now();
    const result = await prepareBody(looping);
    durations.push(performance.now() - started);
    if (!("startedAt" in result) || result.errorKind !== "transformation") throw new Error("the loop was not stopped");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  clearInterval(timer);
  const loop = summarize(durations);

  return {
    rows: [
      {
        bench: "11 transformations",
        name: "CPU added per delivery (typical expression)",
        value: added,
        unit: "ms",
        target: { op: "<", value: 0.05 },
        note: `${transformedMs.toFixed(4)} ms with, ${plainMs.toFixed(4)} ms without; best of 3 rounds of ${calls}`,
      },
      {
        bench: "11 transformations",
        name: "looping expression stopped after (p50 / max)",
        value: loop.p50,
        unit: "ms",
        note: `max ${loop.max.toFixed(1)} ms over 10; the longest any other work waited: ${longestWait.toFixed(1)} ms (bound 50 ms of CPU)`,
      },
    ],
    details: { plainRounds, transformedRounds, loopDurations: durations, longestWait, expression: TYPICAL },
  };
}
