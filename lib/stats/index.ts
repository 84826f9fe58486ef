export { addSample, countAt, emptyHistogram, mergeHistograms, sampleCount, type Histogram } from "./add-sample";
export {
  BUCKET_COUNT,
  BUCKET_UPPER_BOUNDS_MS,
  bucketIndex,
  bucketRange,
  MAX_BOUNDED_MS,
  OVERFLOW_BUCKET,
  type BucketRange,
} from "./bucket-index";
export { combineStats, percentile, summarize, type StatsCounts, type StatsSummary } from "./summarize-stats";
