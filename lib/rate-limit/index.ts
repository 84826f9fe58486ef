export { takePostgresToken } from "./postgres-buckets";
export { syncSharedBuckets, takeSharedToken } from "./shared-buckets";
export {
  refill,
  retryAfterSeconds,
  takeToken,
  type BucketRule,
  type BucketState,
  type TakeResult,
} from "./token-bucket";
