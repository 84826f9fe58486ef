// The latency histogram's fixed bucket layout. Every EndpointStats row stores counts per bucket
// index (an int[] column), and rows from any minutes are merged by adding arrays index by index,
// so this table is a storage format: never edit or reorder it. Appending buckets is the only
// safe change (mergeHistograms tolerates rows of different lengths).
//
// 50 upper bounds, log-spaced from 1 ms to 60 s: bound i = 60000^(i/49) ms rounded to three
// significant digits, so neighbours are ~1.25x apart (1.247..1.257) and a percentile read from a
// bucket is within ~25% of the true value. Bucket i holds samples with
//   bound[i-1] < ms <= bound[i]        (bucket 0: 0 <= ms <= 1)
// and one more bucket, index 50, holds everything above 60 s. 51 buckets in all.
export const BUCKET_UPPER_BOUNDS_MS: readonly number[] = Object.freeze([
  1, 1.25, 1.57, 1.96, 2.46, 3.07, 3.85, 4.81, 6.03, 7.54, 9.44, 11.8, 14.8, 18.5, 23.2, 29, 36.3, 45.5, 56.9, 71.2,
  89.2, 112, 140, 175, 219, 274, 343, 429, 537, 673, 842, 1050, 1320, 1650, 2070, 2590, 3240, 4060, 5080, 6350, 7950,
  9960, 12500, 15600, 19500, 24400, 30600, 38300, 47900, 60000,
]);

/** Index of the bucket for everything above the last bound (60 s). */
export const OVERFLOW_BUCKET = BUCKET_UPPER_BOUNDS_MS.length;

/** Buckets per histogram: the 50 bounded ones plus the overflow bucket. */
export const BUCKET_COUNT = OVERFLOW_BUCKET + 1;

/** The largest bounded latency; samples above it land in the overflow bucket. */
export const MAX_BOUNDED_MS = BUCKET_UPPER_BOUNDS_MS[OVERFLOW_BUCKET - 1]!;

/**
 * The bucket a latency falls in. Negative values (a clock stepping back mid-request) count as
 * 0 ms; NaN is a bug in the caller and throws rather than skewing the statistics silently.
 */
export function bucketIndex(ms: number): number {
  if (Number.isNaN(ms)) throw new RangeError("Latency is NaN");
  if (ms > MAX_BOUNDED_MS) return OVERFLOW_BUCKET;
  // Binary search for the first upper bound >= ms.
  let low = 0;
  let high = OVERFLOW_BUCKET - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (BUCKET_UPPER_BOUNDS_MS[middle]! >= ms) high = middle;
    else low = middle + 1;
  }
  return low;
}

export interface BucketRange {
  /** Exclusive lower edge (0 for the first bucket, where 0 ms itself belongs). */
  lowerMs: number;
  /** Inclusive upper edge; Infinity for the overflow bucket. */
  upperMs: number;
}

/** The latency range of bucket `index` (indexes past the overflow bucket count as overflow). */
export function bucketRange(index: number): BucketRange {
  if (!Number.isInteger(index) || index < 0) throw new RangeError(`Bad bucket index ${index}`);
  if (index >= OVERFLOW_BUCKET) return { lowerMs: MAX_BOUNDED_MS, upperMs: Number.POSITIVE_INFINITY };
  return { lowerMs: index === 0 ? 0 : BUCKET_UPPER_BOUNDS_MS[index - 1]!, upperMs: BUCKET_UPPER_BOUNDS_MS[index]! };
}
