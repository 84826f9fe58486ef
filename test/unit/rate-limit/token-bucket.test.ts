import { describe, expect, it } from "vitest";
import { refill, retryAfterSeconds, takeToken, type BucketState } from "@/lib/rate-limit/token-bucket";

const rule = { perSecond: 2, burst: 4 };

describe("takeToken", () => {
  it("should allow a full burst from a new bucket, then refuse with the wait for the next token", () => {
    let state: BucketState | undefined;
    const results = Array.from({ length: 5 }, () => {
      const result = takeToken(state, 1_000, rule);
      state = result.state;
      return result;
    });
    expect(results.map((result) => result.allowed)).toEqual([true, true, true, true, false]);
    expect(results[4]).toMatchObject({ retryAfterMs: 500 });
  });

  it.each([
    { name: "refills at the rate", elapsedMs: 500, expected: { allowed: true, remaining: 0 } },
    { name: "never beyond the burst", elapsedMs: 3_600_000, expected: { allowed: true, remaining: 3 } },
    { name: "not before a whole token", elapsedMs: 499, expected: { allowed: false } },
    { name: "ignores a clock that went back", elapsedMs: -5_000, expected: { allowed: false } },
  ])("$name", ({ elapsedMs, expected }) => {
    const empty = { tokens: 0, updatedAt: 10_000 };
    expect(takeToken(empty, 10_000 + elapsedMs, rule)).toMatchObject(expected);
  });

  it("should round Retry-After up to whole seconds, at least 1", () => {
    expect([1, 999, 1_000, 1_001].map(retryAfterSeconds)).toEqual([1, 1, 1, 2]);
  });

  it("should debit requests taken elsewhere into debt, at most one burst deep, and refill out of it", () => {
    const full = { tokens: 4, updatedAt: 1_000 };
    expect(refill(full, 1_000, rule, 3)).toEqual({ tokens: 1, updatedAt: 1_000 });
    const owing = refill(full, 1_000, rule, 100);
    expect(owing).toEqual({ tokens: -4, updatedAt: 1_000 });
    expect(takeToken(owing, 3_000, rule)).toMatchObject({ allowed: false, retryAfterMs: 500 });
    expect(takeToken(owing, 3_500, rule)).toMatchObject({ allowed: true, remaining: 0 });
  });
});
