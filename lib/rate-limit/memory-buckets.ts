// Buckets in this process's memory: no database write per API request, at the price of each web
// process counting on its own (N processes allow up to N times the rate; README says so).
import { processState } from "@/lib/process-state";
import { takeToken, type BucketRule, type BucketState, type TakeResult } from "./token-bucket";

const MAX_BUCKETS = 50_000;
// One map per process (lib/process-state.ts): a key's requests count against one bucket whichever
// copy of lib/ answers them.
const buckets = processState("rateLimit.memoryBuckets", () => new Map<string, BucketState>());

export function takeMemoryToken(key: string, rule: BucketRule, now = Date.now()): TakeResult {
  const result = takeToken(buckets.get(key), now, rule);
  if (!buckets.has(key) && buckets.size >= MAX_BUCKETS) buckets.clear(); // a full bucket is the same as no bucket
  buckets.set(key, result.state);
  return result;
}
