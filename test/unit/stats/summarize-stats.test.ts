import { describe, expect, it } from "vitest";
import { addSample, combineStats, emptyHistogram, summarize } from "@/lib/stats";

function histogramOf(samples: readonly number[]): number[] {
  return samples.reduce((histogram, ms) => addSample(histogram, ms), emptyHistogram());
}

describe("summarize", () => {
  it("should report counts, success rate, mean and percentiles", () => {
    const samples = [100, 100, 100, 100, 100, 100, 100, 100, 100, 5_000];
    const summary = summarize({ succeeded: 9, failed: 1, histogram: histogramOf(samples), latencySumMs: 5_900n });
    expect(summary).toMatchObject({ total: 10, succeeded: 9, failed: 1, successRate: 0.9, samples: 10, meanMs: 590 });
    expect(summary.p50Ms).toBeGreaterThan(89.2);
    expect(summary.p50Ms).toBeLessThanOrEqual(112);
    expect(summary.p99Ms).toBeGreaterThan(4_060);
    expect(summary.p99Ms).toBeLessThanOrEqual(5_080);
  });

  it("should give nulls, not zeros, when nothing happened", () => {
    expect(summarize({ succeeded: 0, failed: 0, histogram: [], latencySumMs: 0 })).toEqual({
      total: 0,
      succeeded: 0,
      failed: 0,
      successRate: null,
      samples: 0,
      p50Ms: null,
      p95Ms: null,
      p99Ms: null,
      meanMs: null,
    });
  });

  it("should report a 0% success rate when everything failed", () => {
    expect(
      summarize({ succeeded: 0, failed: 3, histogram: histogramOf([15_000]), latencySumMs: 15_000 }).successRate,
    ).toBe(0);
  });
});

describe("combineStats", () => {
  it("should add minute rows into one, whatever their histogram lengths", () => {
    const combined = combineStats([
      { succeeded: 2, failed: 0, histogram: histogramOf([10, 20]), latencySumMs: 30n },
      { succeeded: 0, failed: 1, histogram: histogramOf([70_000]).slice(0, 51), latencySumMs: 70_000 },
      { succeeded: 1, failed: 0, histogram: [1], latencySumMs: 1 },
    ]);
    expect(combined).toEqual({
      succeeded: 3,
      failed: 1,
      histogram: histogramOf([10, 20, 70_000, 0]),
      latencySumMs: 70_031,
    });
    expect(combineStats([])).toEqual({ succeeded: 0, failed: 0, histogram: emptyHistogram(), latencySumMs: 0 });
  });
});
