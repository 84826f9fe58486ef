// When to try a delivery again, and whether to at all. Pure functions: the worker passes in
// what it saw (status, error kind, headers) and the configured schedule, and stores the answer.
//
// The schedule follows Svix (https://docs.svix.com/retries): after the first attempt fails, retry
// after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h, then give up, ~27.6 h after the first try.
import { randomInt } from "node:crypto";

export const DEFAULT_RETRY_SCHEDULE = "5s,5m,30m,2h,5h,10h,10h";

/** ±10%: spreads the retries of a burst that failed together (an outage) over time. */
export const RETRY_JITTER = 0.1;

/** How far a receiver's Retry-After may stretch a step: up to twice its scheduled delay. */
export const RETRY_AFTER_MAX_FACTOR = 2;

export class RetryScheduleError extends Error {
  override name = "RetryScheduleError";
}

const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
const STEP = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/;

/**
 * HOOKLINE_RETRY_SCHEDULE: "5s,5m,30m" → [5000, 300000, 1800000]. Units: ms, s, m, h, d;
 * decimals allowed ("1.5h"). Event types and endpoints set theirs as lists (retry-schedule.ts).
 */
export function parseRetrySchedule(text: string): number[] {
  const steps = text.split(",").map((step) => step.trim().toLowerCase());
  if (text.trim() === "") throw new RetryScheduleError("Retry schedule is empty; list delays like 5s,5m,30m");
  return steps.map((step, index) => {
    const match = STEP.exec(step);
    if (!match) {
      throw new RetryScheduleError(
        `Retry schedule step ${index + 1} ("${step.slice(0, 20)}") must be a number followed by ms, s, m, h or d, as in 5s,5m,30m`,
      );
    }
    const ms = Math.round(Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS]);
    if (!Number.isSafeInteger(ms)) throw new RetryScheduleError(`Retry schedule step ${index + 1} is too large`);
    return ms;
  });
}

/**
 * Milliseconds a Retry-After header asks for: delay-seconds or an HTTP-date (RFC 9110 §10.2.3),
 * measured from `now`. Null when absent or unreadable (a bad header is ignored, not fatal).
 */
export function parseRetryAfter(header: string | null | undefined, now: number): number | null {
  const value = header?.trim();
  if (!value) return null;
  if (/^\d+$/.test(value)) return Number(value) * 1_000;
  // Only try dates that look like dates: Date.parse also reads "5" or "2026" as a date.
  if (!/[a-z]{3}/i.test(value)) return null;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : at - now;
}

export interface NextRetryInput {
  /** Delays in ms from parseRetrySchedule; step i follows the failure of attempt i + 1. */
  schedule: readonly number[];
  /** Number of the attempt that just failed, 1 for the first. */
  attemptNumber: number;
  /** The failed response's Retry-After header, if any. */
  retryAfterHeader?: string | null;
  /** A [0, 1) random source; injectable for tests. Defaults to a CSPRNG-backed one. */
  random?: () => number;
  /** The current time in ms, for HTTP-date Retry-After values. */
  now?: number;
}

function defaultRandom(): number {
  return randomInt(0, 2 ** 32) / 2 ** 32;
}

/**
 * Delay in ms before the next attempt, or null when the schedule is exhausted (the delivery then
 * fails for good). The scheduled delay gets ±10% jitter. A Retry-After header may lengthen it
 * (the receiver knows when it will be back) but never beyond 2x the step's delay, so a receiver
 * cannot park a delivery for days; it never shortens it, so a proxy answering
 * `Retry-After: 0` cannot make us burn through every retry within seconds.
 */
export function nextRetryDelay(input: NextRetryInput): number | null {
  const { schedule, attemptNumber } = input;
  if (!Number.isInteger(attemptNumber) || attemptNumber < 1) {
    throw new RangeError(`attemptNumber must be an integer >= 1, got ${attemptNumber}`);
  }
  const base = schedule[attemptNumber - 1];
  if (base === undefined) return null;

  const random = input.random ?? defaultRandom;
  const jittered = Math.round(base * (1 + RETRY_JITTER * (2 * random() - 1)));
  const retryAfter = parseRetryAfter(input.retryAfterHeader, input.now ?? Date.now());
  const delay = retryAfter === null ? jittered : Math.max(jittered, retryAfter);
  return Math.min(Math.max(delay, 0), base * RETRY_AFTER_MAX_FACTOR);
}

export type RetryReason =
  "redirect" | "request_timeout" | "rate_limited" | "server_error" | "unexpected_status" | "timeout" | "network_error";

export type FailureReason = "gone" | "rejected" | "aborted" | "ssrf_blocked" | "transformation";

export type DeliveryOutcome =
  | { result: "succeeded" }
  /** Failed this time; schedule the next attempt with nextRetryDelay (null there = give up). */
  | { result: "retry"; reason: RetryReason }
  /** Failed for good, whatever is left of the schedule. */
  | { result: "failed"; reason: FailureReason; disableEndpoint: boolean }
  /** Nothing was sent: the endpoint's transformation gave no result for the message. */
  | { result: "skipped" };

export interface OutcomeInput {
  /** The response status, when a response arrived. */
  status?: number | null;
  /** Why no (usable) response arrived: timeout, dns, connect, tls, reset, ssrf_blocked, … */
  errorKind?: string | null;
  /** The response's `webhook-delivery` header. */
  abortHeader?: string | null;
}

const ABORT_MESSAGE = "abort-message";

/**
 * Decides what one attempt's result means (DESIGN.md "Publish → deliver" step 4):
 * - 2xx: succeeded.
 * - 410 Gone: failed, and the endpoint is disabled (the receiver says it no longer exists).
 * - `webhook-delivery: abort-message` on a non-2xx answer: failed, no retry (Svix's delivery
 *   control header: the receiver has seen the message and wants no more tries).
 * - Other 4xx except 408 and 429: failed, no retry; the receiver rejected the request and
 *   will keep doing so until someone fixes something (then "recover" resends).
 * - 408, 429, 5xx: retry; the receiver is overloaded or broken for now.
 * - 3xx: retry. Redirects are never followed (SSRF: the target could be anywhere) and count as
 *   failures, and, as in Svix, a failure other than a 4xx rejection is retried: a redirect is
 *   usually a moved or misconfigured URL (http→https, a trailing slash, a maintenance page)
 *   that the tenant can fix while the schedule runs, and the attempt log shows its Location.
 * - Any other status (1xx, nonsense): retry, as an unexpected answer is no rejection.
 * - A failed transformation (nothing was sent): failed, no retry; the same message and
 *   expression would fail the same way.
 * - No response: ssrf_blocked fails without retry (the address will not become public by
 *   itself); timeouts and network errors (dns, connect, tls, reset, …) retry.
 */
export function classifyOutcome({ status, errorKind, abortHeader }: OutcomeInput): DeliveryOutcome {
  if (errorKind === "ssrf_blocked") return { result: "failed", reason: "ssrf_blocked", disableEndpoint: false };
  if (errorKind === "transformation") return { result: "failed", reason: "transformation", disableEndpoint: false };
  if (status === undefined || status === null) {
    return { result: "retry", reason: errorKind === "timeout" ? "timeout" : "network_error" };
  }
  if (status >= 200 && status <= 299) return { result: "succeeded" };
  if (status === 410) return { result: "failed", reason: "gone", disableEndpoint: true };
  if (abortHeader?.trim().toLowerCase() === ABORT_MESSAGE) {
    return { result: "failed", reason: "aborted", disableEndpoint: false };
  }
  if (status === 408) return { result: "retry", reason: "request_timeout" };
  if (status === 429) return { result: "retry", reason: "rate_limited" };
  if (status >= 400 && status <= 499) return { result: "failed", reason: "rejected", disableEndpoint: false };
  if (status >= 300 && status <= 399) return { result: "retry", reason: "redirect" };
  if (status >= 500 && status <= 599) return { result: "retry", reason: "server_error" };
  return { result: "retry", reason: "unexpected_status" };
}
