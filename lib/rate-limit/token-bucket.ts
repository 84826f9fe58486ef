// Token buckets: a bucket holds up to `burst` tokens and refills at `perSecond`; each request
// takes one. Short bursts pass, a steady rate above `perSecond` is refused, and the refusal says
// exactly when the next token arrives (Retry-After). Pure, so the in-memory and the PostgreSQL
// stores share the arithmetic.

export interface BucketRule {
  /** Tokens added per second. */
  perSecond: number;
  /** Bucket size: how many requests may come at once after a quiet spell. */
  burst: number;
}

export interface BucketState {
  tokens: number;
  updatedAt: number;
}

export type TakeResult =
  | { allowed: true; state: BucketState; remaining: number }
  | { allowed: false; state: BucketState; retryAfterMs: number };

/** The bucket's tokens at `now` (a new bucket is full), minus `debit` requests taken elsewhere; debt stops at -burst. */
export function refill(state: BucketState | undefined, now: number, rule: BucketRule, debit = 0): BucketState {
  const elapsedSeconds = state ? Math.max(0, now - state.updatedAt) / 1000 : 0;
  const tokens = state ? Math.min(rule.burst, state.tokens + elapsedSeconds * rule.perSecond) : rule.burst;
  return { tokens: Math.max(-rule.burst, tokens - debit), updatedAt: state ? Math.max(now, state.updatedAt) : now };
}

/** Refills `state` up to `now` and takes one token if there is one. A new bucket starts full. */
export function takeToken(state: BucketState | undefined, now: number, rule: BucketRule): TakeResult {
  const { tokens } = refill(state, now, rule);
  if (tokens >= 1)
    return { allowed: true, state: { tokens: tokens - 1, updatedAt: now }, remaining: Math.floor(tokens - 1) };
  return {
    allowed: false,
    state: { tokens, updatedAt: now },
    retryAfterMs: Math.ceil(((1 - tokens) / rule.perSecond) * 1000),
  };
}

/** Seconds for a Retry-After header: whole seconds, at least 1. */
export function retryAfterSeconds(retryAfterMs: number): number {
  return Math.max(1, Math.ceil(retryAfterMs / 1000));
}
