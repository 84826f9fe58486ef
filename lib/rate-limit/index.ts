export { takeMemoryToken } from "./memory-buckets";
export { takePostgresToken } from "./postgres-buckets";
export { retryAfterSeconds, takeToken, type BucketRule, type BucketState, type TakeResult } from "./token-bucket";
