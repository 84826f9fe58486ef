// The per-key API rate limit: a token bucket per key in this process's memory (a database write
// per request would tax the publish path), refilling at the tenant's own limit or the setting,
// with bursts of twice that. Over the limit: 429 with Retry-After.
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { retryAfterSeconds, takeMemoryToken } from "@/lib/rate-limit";
import type { AuthenticatedKey } from "./verify-api-key";

export function enforceApiRateLimit({ principal, rateLimit }: AuthenticatedKey): void {
  const perSecond = rateLimit ?? env().HOOKLINE_API_RATE_LIMIT;
  if (perSecond === 0 || principal.kind === "user" || principal.kind === "portal") return;
  const result = takeMemoryToken(`api:${principal.keyId ?? "admin"}`, { perSecond, burst: perSecond * 2 });
  if (result.allowed) return;
  const seconds = retryAfterSeconds(result.retryAfterMs);
  throw new AppError(
    "rate_limited",
    `Too many requests for this API key; retry in ${seconds} s.`,
    { limitPerSecond: perSecond },
    { "retry-after": String(seconds) },
  );
}
