// Turns EndpointStats rows (per endpoint and minute) into the numbers charts and the overview
// show. Rows are combined first (any range, any granularity), then summarised once.
//
// Percentiles from a histogram. The rank is the nearest-rank definition (the smallest sample
// with at least p% of samples at or below it), and within the bucket holding that rank the value
// is interpolated linearly between the bucket's edges, as Prometheus's histogram_quantile does.
// The true nearest-rank value lies in that same bucket, so the error is at most one bucket width
// (~25% of the value with our layout); interpolation usually does much better than reporting the
// upper edge, and it keeps p50 < p95 < p99 distinct when they share a bucket.
import { countAt, emptyHistogram, mergeHistograms, sampleCount, type Histogram } from "./add-sample";
import { bucketRange, OVERFLOW_BUCKET } from "./bucket-index";

/**
 * The p-th percentile (0..100) of the samples in `histogram`, in ms, or null when it is empty.
 * A percentile that falls in the overflow bucket is reported as 60000: "at least 60 s" is all a
 * histogram can say about it.
 */
export function percentile(histogram: readonly number[], p: number): number | null {
  if (!(p >= 0 && p <= 100)) throw new RangeError(`Percentile must be within 0..100, got ${p}`);
  const total = sampleCount(histogram);
  if (total === 0) return null;
  // p * total is exact for integer p, so a p95 of 100 samples is rank 95, not 96.
  const rank = Math.min(total, Math.max(1, Math.ceil((p * total) / 100)));

  let below = 0;
  for (let index = 0; index < histogram.length; index++) {
    const count = countAt(histogram, index);
    if (count === 0 || below + count < rank) {
      below += count;
      continue;
    }
    const { lowerMs, upperMs } = bucketRange(Math.min(index, OVERFLOW_BUCKET));
    if (upperMs === Number.POSITIVE_INFINITY) return lowerMs;
    return lowerMs + ((upperMs - lowerMs) * (rank - below)) / count;
  }
  // Unreachable: the loop always reaches `rank` because rank <= total.
  return null;
}

export interface StatsCounts {
  succeeded: number;
  failed: number;
  /** Latency histogram of the attempts that `latencySumMs` covers. */
  histogram: readonly number[];
  /** Sum of the same attempts' latencies; a BigInt column, hence bigint is accepted. */
  latencySumMs: number | bigint;
}

export interface StatsSummary {
  total: number;
  succeeded: number;
  failed: number;
  /** succeeded / total, 0..1; null with no attempts (not 0%: nothing failed either). */
  successRate: number | null;
  /** Latency samples in the histogram (attempts that got as far as being timed). */
  samples: number;
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
  meanMs: number | null;
}

/** Adds up several rows (e.g. every minute of an hour) into one. */
export function combineStats(rows: readonly StatsCounts[]): StatsCounts & { histogram: Histogram } {
  let histogram = emptyHistogram();
  let succeeded = 0;
  let failed = 0;
  let latencySumMs = 0;
  for (const row of rows) {
    succeeded += row.succeeded;
    failed += row.failed;
    latencySumMs += Number(row.latencySumMs);
    histogram = mergeHistograms(histogram, row.histogram);
  }
  return { succeeded, failed, histogram, latencySumMs };
}

export function summarize({ succeeded, failed, histogram, latencySumMs }: StatsCounts): StatsSummary {
  const total = succeeded + failed;
  const samples = sampleCount(histogram);
  return {
    total,
    succeeded,
    failed,
    successRate: total === 0 ? null : succeeded / total,
    samples,
    p50Ms: percentile(histogram, 50),
    p95Ms: percentile(histogram, 95),
    p99Ms: percentile(histogram, 99),
    // The mean is exact (from the running sum), unlike the percentiles.
    meanMs: samples === 0 ? null : Number(latencySumMs) / samples,
  };
}
