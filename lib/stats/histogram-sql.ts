// SQL that adds up stored latency histograms element-wise, one sum() per bucket, in the same
// pass as the counts. (An unnest per row and a regroup by position, the obvious alternative,
// is ~10x slower over a day of minutes.) Missing elements of shorter, older rows are NULL,
// which sum() skips. The layout only ever grows (bucket-index.ts), so BUCKET_COUNT covers every
// stored row. HISTOGRAM_SUM is used by the readers (sum-rollups.ts) and the demo and benchmark
// generators (the hourly rollups' migrations spell out the same expression); histogramAdd by
// every upsert that adds to a stored row (the worker's, the demo's).
import { BUCKET_COUNT } from "./bucket-index";

/** An int[] expression summing the `histogram` column of the grouped rows. */
export const HISTOGRAM_SUM = `ARRAY[${Array.from({ length: BUCKET_COUNT }, (_, index) => `coalesce(sum(histogram[${index + 1}]), 0)::int`).join(", ")}]`;

/**
 * An int[] expression adding the `EXCLUDED` row's histogram to the stored one of `table`, for
 * `ON CONFLICT … DO UPDATE` (element-wise; the longer array wins the length).
 */
export function histogramAdd(table: string): string {
  return `(SELECT array_agg(coalesce(a, 0) + coalesce(b, 0) ORDER BY n) FROM unnest(${table}.histogram, EXCLUDED.histogram) WITH ORDINALITY AS h(a, b, n))`;
}
