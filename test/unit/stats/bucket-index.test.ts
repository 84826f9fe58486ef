import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  BUCKET_COUNT,
  BUCKET_UPPER_BOUNDS_MS,
  bucketIndex,
  bucketRange,
  MAX_BOUNDED_MS,
  OVERFLOW_BUCKET,
} from "@/lib/stats";

describe("bucket layout", () => {
  it("should have 50 bounds from 1 ms to 60 s plus an overflow bucket", () => {
    expect(BUCKET_UPPER_BOUNDS_MS).toHaveLength(50);
    expect(BUCKET_COUNT).toBe(51);
    expect(OVERFLOW_BUCKET).toBe(50);
    expect(BUCKET_UPPER_BOUNDS_MS[0]).toBe(1);
    expect(MAX_BOUNDED_MS).toBe(60_000);
  });

  it("should space bounds about 1.25x apart, following 60000^(i/49) to three digits", () => {
    BUCKET_UPPER_BOUNDS_MS.forEach((bound, index) => {
      expect(Math.abs(bound / 60_000 ** (index / 49) - 1)).toBeLessThan(0.005);
      if (index === 0) return;
      const ratio = bound / BUCKET_UPPER_BOUNDS_MS[index - 1]!;
      expect(ratio).toBeGreaterThan(1.24);
      expect(ratio).toBeLessThan(1.26);
    });
  });

  it("should be frozen, since stored rows depend on it", () => {
    expect(Object.isFrozen(BUCKET_UPPER_BOUNDS_MS)).toBe(true);
  });
});

describe("bucketIndex", () => {
  it.each([
    { ms: 0, expected: 0 },
    { ms: -3, expected: 0 },
    { ms: Number.NEGATIVE_INFINITY, expected: 0 },
    { ms: 1, expected: 0 },
    { ms: 1.0001, expected: 1 },
    { ms: 1.25, expected: 1 },
    { ms: 1.26, expected: 2 },
    { ms: 500, expected: 28 },
    { ms: 59_999, expected: 49 },
    { ms: 60_000, expected: 49 },
    { ms: 60_000.5, expected: 50 },
    { ms: 3_600_000, expected: 50 },
    { ms: Number.POSITIVE_INFINITY, expected: 50 },
  ])("should put $ms ms in bucket $expected", ({ ms, expected }) => {
    expect(bucketIndex(ms)).toBe(expected);
  });

  it("should throw on NaN", () => {
    expect(() => bucketIndex(Number.NaN)).toThrow(RangeError);
  });

  it("should place every latency inside its bucket's range", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 200_000, noNaN: true }), (ms) => {
        const { lowerMs, upperMs } = bucketRange(bucketIndex(ms));
        expect(ms <= upperMs).toBe(true);
        expect(ms > lowerMs || (ms === 0 && lowerMs === 0)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it("should describe the first, a middle and the overflow bucket", () => {
    expect(bucketRange(0)).toEqual({ lowerMs: 0, upperMs: 1 });
    expect(bucketRange(28)).toEqual({ lowerMs: 429, upperMs: 537 });
    expect(bucketRange(50)).toEqual({ lowerMs: 60_000, upperMs: Number.POSITIVE_INFINITY });
    expect(bucketRange(57)).toEqual(bucketRange(50));
    expect(() => bucketRange(-1)).toThrow(RangeError);
  });
});
