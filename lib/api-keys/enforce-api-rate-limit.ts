// The per-key API rate limit: a token bucket per key, shared by every web process through
// PostgreSQL in batches (lib/rate-limit/shared-buckets.ts: no database round trip per request on
// the publish path), refilling at the tenant's own limit or the setting,
// with bursts of twice that. Over the limit: 429 with Retry-After. Platform-wide keys publish for
// every tenant at once, so they have no limit unless HOOKLINE_PLATFORM_API_RATE_LIMIT sets one.
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { retryAfterSeconds, takeSharedToken } from "@/lib/rate-limit";
import type { AuthenticatedKey } from "./verify-api-key";

export function enforceApiRateLimit({ principal, rateLimit }: AuthenticatedKey): void {
  if (principal.kind === "user" || principal.kind === "portal") return;
  const settings = env();
  const perSecond =
    principal.kind === "platform"
      ? (settings.HOOKLINE_PLATFORM_API_RATE_LIMIT ?? 0)
      : (rateLimit ?? settings.HOOKLINE_API_RATE_LIMIT);
  if (perSecond === 0) return;
  const result = takeSharedToken(`api:${principal.keyId ?? "admin"}`, { perSecond, burst: perSecond * 2 });
  if (result.allowed) return;
  const seconds = retryAfterSeconds(result.retryAfterMs);
  throw new AppError(
    "rate_limited",
    `Too many requests for this API key; retry in ${seconds} s.`,
    { limitPerSecond: perSecond },
    { "retry-after": String(seconds) },
  );
}
