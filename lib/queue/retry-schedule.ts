// Retry schedules of event types and endpoints: `["10s", "1m", "10m", "1h"]` on the way in,
// milliseconds in the database (int[]), and a human preview for the forms. Pure and free of
// server modules, so the dashboard checks and previews with the same rules the API enforces.
//
// Which schedule a delivery follows is decided once, when it is created (the fan-out in
// lib/messages/insert-messages.ts stores it on the row): the endpoint's, else its event type's,
// else HOOKLINE_RETRY_SCHEDULE (stored as NULL). A later change applies to new messages only.

export const SCHEDULE_LIMITS = {
  minSteps: 1,
  maxSteps: 20,
  minStepMs: 1_000,
  maxStepMs: 24 * 3_600_000,
  maxTotalMs: 14 * 24 * 3_600_000,
} as const;

const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
const STEP = /^(\d{1,9}(?:\.\d{1,3})?)\s*(ms|s|m|h|d)$/;

export interface ScheduleIssue {
  /** The failing step's place in the list; null for the list as a whole. */
  index: number | null;
  message: string;
}

/** One delay ("10s", "1.5h") in ms, or null when it is not a number followed by ms, s, m, h or d. */
export function parseDelay(text: string): number | null {
  const match = STEP.exec(text.trim().toLowerCase());
  if (!match) return null;
  return Math.round(Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS]);
}

/** Every rule a schedule breaks (empty: it is valid). */
export function checkRetrySchedule(steps: readonly string[]): ScheduleIssue[] {
  const { minSteps, maxSteps, minStepMs, maxStepMs, maxTotalMs } = SCHEDULE_LIMITS;
  if (steps.length < minSteps || steps.length > maxSteps)
    return [{ index: null, message: `must have ${minSteps} to ${maxSteps} steps (null inherits)` }];
  const issues: ScheduleIssue[] = [];
  let total = 0;
  steps.forEach((step, index) => {
    const ms = parseDelay(step);
    if (ms === null) issues.push({ index, message: "must be a number followed by ms, s, m, h or d, as in 10s" });
    else if (ms < minStepMs) issues.push({ index, message: "must be at least 1 s" });
    else if (ms > maxStepMs) issues.push({ index, message: "must be at most 24 h" });
    else total += ms;
  });
  if (!issues.length && total > maxTotalMs)
    issues.push({ index: null, message: `adds up to ${formatDuration(total)}; at most 14 days in all` });
  return issues;
}

/** A valid schedule's steps in ms (check with checkRetrySchedule first); null (inherited) → []. */
export function scheduleToMs(steps: readonly string[] | null): number[] {
  return (steps ?? []).map((step) => parseDelay(step)!);
}

/** 90_000 → "90s", 3_600_000 → "1h": the largest unit that divides the delay. */
export function formatDelay(ms: number): string {
  for (const unit of ["d", "h", "m", "s"] as const) if (ms % UNIT_MS[unit] === 0) return `${ms / UNIT_MS[unit]}${unit}`;
  return `${ms}ms`;
}

/** The stored form (ms, empty or null: inherited) as the API shows it; null when inherited. */
export function scheduleFromMs(ms: readonly number[] | null | undefined): string[] | null {
  return ms?.length ? ms.map(formatDelay) : null;
}

/** 4_270_000 → "1 h 11 m": the two largest units, for people. */
export function formatDuration(ms: number): string {
  const parts: string[] = [];
  let rest = Math.round(ms);
  for (const [unit, size] of [
    ["d", UNIT_MS.d],
    ["h", UNIT_MS.h],
    ["m", UNIT_MS.m],
    ["s", UNIT_MS.s],
  ] as const) {
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)} ${unit}`);
      rest %= size;
    }
  }
  if (!parts.length) return `${rest} ms`;
  return parts.slice(0, 2).join(" ");
}

/**
 * "tries at +10 s, +1 m 10 s, +11 m 10 s, +1 h 11 m; gives up after 1 h 11 m": when the retries
 * come, counted from the first try (before the ±10 % jitter), and when the delivery fails for good.
 */
export function describeSchedule(ms: readonly number[]): string {
  let at = 0;
  const offsets = ms.map((step) => `+${formatDuration((at += step))}`);
  return `tries at ${offsets.join(", ")}; gives up after ${formatDuration(at)}`;
}
