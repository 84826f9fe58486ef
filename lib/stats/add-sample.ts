// Building and merging latency histograms: plain number[] of counts per bucket (see
// bucket-index.ts), the same shape as EndpointStats.histogram, so rows go in and out of the
// database without conversion.
import { BUCKET_COUNT, bucketIndex } from "./bucket-index";

export type Histogram = number[];

/** A histogram with no samples (all 51 buckets at 0). */
export function emptyHistogram(): Histogram {
  return new Array<number>(BUCKET_COUNT).fill(0);
}

/**
 * Counts a database value. Rows are untrusted input (STYLE.md rule 8): a NULL element, a
 * negative or a non-finite count must not poison a whole chart, so they count as 0.
 */
export function countAt(histogram: readonly number[], index: number): number {
  const value = histogram[index];
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : 0;
}

/**
 * Adds one sample to `histogram` in place (the worker accumulates a batch in memory before one
 * upsert, so copying per sample would be waste) and returns it. A short row from an older layout
 * is padded to the current length first.
 */
export function addSample(histogram: Histogram, ms: number): Histogram {
  const index = bucketIndex(ms);
  while (histogram.length < BUCKET_COUNT) histogram.push(0);
  histogram[index] = countAt(histogram, index) + 1;
  return histogram;
}

/**
 * A new histogram with the counts of both. Arrays of different lengths (rows written before
 * buckets were appended) merge index by index, missing entries counting as 0; the result is at
 * least the current length.
 */
export function mergeHistograms(a: readonly number[], b: readonly number[]): Histogram {
  const length = Math.max(a.length, b.length, BUCKET_COUNT);
  return Array.from({ length }, (_, index) => countAt(a, index) + countAt(b, index));
}

/** Number of samples in a histogram. */
export function sampleCount(histogram: readonly number[]): number {
  let total = 0;
  for (let index = 0; index < histogram.length; index++) total += countAt(histogram, index);
  return total;
}
