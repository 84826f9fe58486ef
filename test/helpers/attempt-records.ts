// AttemptRecords as the worker hands them to recordAttempts, built in memory: random ones from
// a seeded generator (so a failing run can be replayed) or one at a given time and outcome.
import type { AttemptRecord } from "@/lib/recording/attempt-record";

/** mulberry32: a small seeded PRNG, uniform in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function attemptRecord(input: {
  tenantId: string;
  endpointId: string;
  startedAt: Date;
  durationMs: number;
  status: number | null;
}): AttemptRecord {
  return {
    tenantId: input.tenantId,
    deliveryId: "dlv_01JZZZZZZZZZZZZZZZZZZZZZZZ",
    messageId: "msg_01JZZZZZZZZZZZZZZZZZZZZZZZ",
    endpointId: input.endpointId,
    url: "http://127.0.0.1:9/hooks",
    eventType: "invoice.paid",
    requestBody: null,
    number: 1,
    trigger: "manual",
    response: {
      startedAt: input.startedAt,
      durationMs: input.durationMs,
      status: input.status,
      responseHeaders: null,
      responseBody: null,
      errorKind: input.status === null ? "timeout" : null,
      errorMessage: input.status === null ? "timed out" : null,
      requestHeaders: {},
      retryAfter: null,
      abortHeader: null,
      cancelled: false,
    },
    next: null,
  };
}

/** `count` records spread at random over [from, from + spanMs), to the given endpoints. */
export function randomAttemptRecords(
  random: () => number,
  endpoints: ReadonlyArray<{ tenantId: string; endpointId: string }>,
  from: number,
  spanMs: number,
  count: number,
): AttemptRecord[] {
  return Array.from({ length: count }, () => {
    const endpoint = endpoints[Math.floor(random() * endpoints.length)]!;
    const dice = random();
    return attemptRecord({
      ...endpoint,
      startedAt: new Date(from + Math.floor(random() * spanMs)),
      // Mostly fast, some slow, a few past the last bucket (60 s).
      durationMs:
        dice < 0.9
          ? Math.floor(random() * 400)
          : dice < 0.98
            ? Math.floor(random() * 30_000)
            : 60_000 + Math.floor(random() * 10_000),
      status: dice < 0.8 ? 200 : dice < 0.95 ? 503 : null,
    });
  });
}
