// What a delivery becomes after a try: the outcome rules (retry-policy.ts) plus the schedule.
// Pure, so the state machine is unit-tested without a database.
import { classifyOutcome, nextRetryDelay, type DeliveryOutcome } from "./retry-policy";

export interface TryResult {
  status: number | null;
  errorKind: string | null;
  /** Nothing was sent: the transformation gave no result. */
  skipped?: boolean;
  errorMessage: string | null;
  retryAfter: string | null;
  abortHeader: string | null;
}

export interface NextState {
  status: "succeeded" | "failed" | "pending" | "skipped";
  nextAttemptAt: Date | null;
  /** 410 Gone: the endpoint goes away too. */
  disableEndpoint: boolean;
  /** A short human reason for the dashboard, null on success. */
  lastError: string | null;
  outcome: DeliveryOutcome;
}

function describe(result: TryResult): string {
  if (result.status !== null) return `HTTP ${result.status}`;
  return result.errorMessage ? `${result.errorKind}: ${result.errorMessage}` : (result.errorKind ?? "unknown error");
}

/**
 * @param scheduledTries tries on the retry schedule before this one (0 for the first try)
 */
export function planNextState(
  result: TryResult,
  scheduledTries: number,
  schedule: readonly number[],
  now = Date.now(),
): NextState {
  if (result.skipped) {
    return {
      status: "skipped",
      nextAttemptAt: null,
      disableEndpoint: false,
      lastError: "skipped: the endpoint's transformation gave no result for this message",
      outcome: { result: "skipped" },
    };
  }
  const outcome = classifyOutcome({
    status: result.status,
    errorKind: result.errorKind,
    abortHeader: result.abortHeader,
  });
  if (outcome.result === "succeeded")
    return { status: "succeeded", nextAttemptAt: null, disableEndpoint: false, lastError: null, outcome };
  if (outcome.result === "failed") {
    return {
      status: "failed",
      nextAttemptAt: null,
      disableEndpoint: outcome.disableEndpoint,
      lastError: `${describe(result)} (${outcome.reason}, not retried)`,
      outcome,
    };
  }
  const delay = nextRetryDelay({
    schedule,
    attemptNumber: scheduledTries + 1,
    retryAfterHeader: result.retryAfter,
    now,
  });
  if (delay === null) {
    return {
      status: "failed",
      nextAttemptAt: null,
      disableEndpoint: false,
      lastError: `${describe(result)} (retries exhausted)`,
      outcome,
    };
  }
  return {
    status: "pending",
    nextAttemptAt: new Date(now + delay),
    disableEndpoint: false,
    lastError: describe(result),
    outcome,
  };
}
