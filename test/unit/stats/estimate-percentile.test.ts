import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addSample, bucketIndex, bucketRange, emptyHistogram, percentile } from "@/lib/stats";
import { seededRandom } from "../../helpers/attempt-records";

/** The exact nearest-rank percentile: the smallest sample with at least p% at or below it. */
function exactPercentile(sorted: readonly number[], p: number): number {
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p * sorted.length) / 100)));
  return sorted[rank - 1]!;
}

const distributions = {
  // 0.1 ms .. 100 s, uniform in log space: crosses every bucket including the overflow.
  "log-uniform": (random: () => number) => 0.1 * 10 ** (random() * 6),
  // Irwin-Hall sum of 12 uniforms: mean 250 ms, sd 60 ms, clipped at 0.
  "normal-ish": (random: () => number) => {
    let sum = 0;
    for (let index = 0; index < 12; index++) sum += random();
    return Math.max(0, 250 + 60 * (sum - 6));
  },
  // A fast receiver: everything within the first few buckets, with many exact ties.
  "fast-integer": (random: () => number) => Math.floor(random() * 4),
};

function checkWithinOneBucket(samples: number[], p: number): void {
  const histogram = samples.reduce((h, ms) => addSample(h, ms), emptyHistogram());
  const exact = exactPercentile(
    [...samples].sort((a, b) => a - b),
    p,
  );
  const estimate = percentile(histogram, p);
  const { lowerMs, upperMs } = bucketRange(bucketIndex(exact));
  expect(estimate).not.toBeNull();
  if (upperMs === Number.POSITIVE_INFINITY) {
    expect(estimate).toBe(lowerMs); // overflow: "at least 60 s"
    return;
  }
  // Same bucket as the exact value (its edges included), hence off by at most one bucket width.
  expect(estimate!).toBeGreaterThanOrEqual(lowerMs);
  expect(estimate!).toBeLessThanOrEqual(upperMs);
  expect(Math.abs(estimate! - exact)).toBeLessThanOrEqual(upperMs - lowerMs);
}

describe("percentile", () => {
  it.each([
    { name: "small samples", minN: 1, maxN: 25, runs: 400 },
    { name: "large samples", minN: 1_000, maxN: 20_000, runs: 40 },
  ])("should stay within one bucket of the exact value for $name", ({ minN, maxN, runs }) => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer({ min: minN, max: maxN }),
        fc.constantFrom(...(Object.keys(distributions) as (keyof typeof distributions)[])),
        fc.oneof(
          fc.constantFrom(50, 95, 99, 0, 100),
          fc.integer({ min: 0, max: 100 }),
          fc.double({ min: 0, max: 100, noNaN: true }),
        ),
        (seed, n, distribution, p) => {
          const random = seededRandom(seed);
          const samples = Array.from({ length: n }, () => distributions[distribution](random));
          checkWithinOneBucket(samples, p);
        },
      ),
      { numRuns: runs },
    );
  });

  it("should be null for an empty histogram", () => {
    expect(percentile(emptyHistogram(), 50)).toBeNull();
    expect(percentile([], 99)).toBeNull();
  });

  it.each([{ p: -1 }, { p: 101 }, { p: Number.NaN }])("should refuse percentile $p", ({ p }) => {
    expect(() => percentile(emptyHistogram(), p)).toThrow(RangeError);
  });

  it.each([
    { name: "0 ms", samples: [0], expected: 1 },
    { name: "one sample in a middle bucket", samples: [500], expected: 537 },
    { name: "two samples sharing a bucket (p50 is the first)", samples: [450, 500], expected: 429 + (537 - 429) / 2 },
    { name: "above 60 s", samples: [61_000, 3_600_000], expected: 60_000 },
  ])("should estimate p50 of $name by interpolating within the bucket", ({ samples, expected }) => {
    const histogram = samples.reduce((h, ms) => addSample(h, ms), emptyHistogram());
    expect(percentile(histogram, 50)).toBeCloseTo(expected, 9);
  });

  it("should keep percentiles ordered", () => {
    const random = seededRandom(42);
    const histogram = emptyHistogram();
    for (let index = 0; index < 5_000; index++) addSample(histogram, distributions["log-uniform"](random));
    const [p50, p95, p99] = [50, 95, 99].map((p) => percentile(histogram, p)!);
    expect(p50).toBeLessThanOrEqual(p95!);
    expect(p95).toBeLessThanOrEqual(p99!);
  });
});
