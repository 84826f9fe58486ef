import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addSample, BUCKET_COUNT, emptyHistogram, mergeHistograms, sampleCount } from "@/lib/stats";

const latency = fc.double({ min: 0, max: 120_000, noNaN: true });

function histogramOf(samples: readonly number[]): number[] {
  return samples.reduce((histogram, ms) => addSample(histogram, ms), emptyHistogram());
}

describe("histograms", () => {
  it("should start with 51 empty buckets", () => {
    expect(emptyHistogram()).toEqual(new Array(BUCKET_COUNT).fill(0));
    expect(sampleCount(emptyHistogram())).toBe(0);
  });

  it("should add samples in place", () => {
    const histogram = emptyHistogram();
    expect(addSample(histogram, 0)).toBe(histogram);
    addSample(histogram, 0.5);
    addSample(histogram, 90_000);
    expect(histogram[0]).toBe(2);
    expect(histogram[50]).toBe(1);
    expect(sampleCount(histogram)).toBe(3);
  });

  it("should pad a short row from an older layout before adding", () => {
    const histogram = addSample([4, 1], 90_000);
    expect(histogram).toHaveLength(BUCKET_COUNT);
    expect(histogram.slice(0, 2)).toEqual([4, 1]);
    expect(histogram[50]).toBe(1);
  });

  it("should merge into the histogram of the concatenated samples", () => {
    fc.assert(
      fc.property(fc.array(latency, { maxLength: 300 }), fc.array(latency, { maxLength: 300 }), (a, b) => {
        const left = histogramOf(a);
        const right = histogramOf(b);
        expect(mergeHistograms(left, right)).toEqual(histogramOf([...a, ...b]));
        expect(mergeHistograms(right, left)).toEqual(mergeHistograms(left, right));
        expect(left).toEqual(histogramOf(a)); // inputs untouched
      }),
    );
  });

  it("should merge rows of different lengths", () => {
    const merged = mergeHistograms([1, 2, 3], [...emptyHistogram(), 7]);
    expect(merged).toHaveLength(BUCKET_COUNT + 1);
    expect(merged.slice(0, 4)).toEqual([1, 2, 3, 0]);
    expect(merged[BUCKET_COUNT]).toBe(7);
    expect(mergeHistograms([], [])).toEqual(emptyHistogram());
  });

  it("should count NULL, negative and non-finite database entries as 0", () => {
    const untrusted = [2, -5, Number.NaN, Number.POSITIVE_INFINITY, undefined as unknown as number, 3];
    expect(sampleCount(untrusted)).toBe(5);
    expect(mergeHistograms(untrusted, [1]).slice(0, 6)).toEqual([3, 0, 0, 0, 0, 3]);
  });
});
