"use client";
// The retry schedule of an event type or endpoint: delays as text ("10s, 1m, 10m, 1h"), empty to
// inherit, with a live preview of when the tries come and when the delivery gives up. Checked
// here with the rules the API enforces (lib/queue/retry-schedule.ts), which stays the authority.
import { TextField } from "@/components/ui/field";
import { checkRetrySchedule, describeSchedule, scheduleToMs } from "@/lib/queue/retry-schedule";

/** "10s, 1m" → ["10s", "1m"]; empty text → null (inherited); or the first problem. */
export function parseScheduleText(text: string): { value: string[] | null } | { error: string } {
  const steps = text
    .split(/[\s,]+/)
    .map((step) => step.trim())
    .filter(Boolean);
  if (!steps.length) return { value: null };
  const [issue] = checkRetrySchedule(steps);
  if (issue)
    return {
      error: issue.index === null ? `The schedule ${issue.message}.` : `Step ${issue.index + 1} ${issue.message}.`,
    };
  return { value: steps };
}

/** The field's text for a stored schedule (null: inherited, empty text). */
export const scheduleText = (steps: readonly string[] | null | undefined) => (steps ?? []).join(", ");

export function RetryScheduleField({
  name = "retrySchedule",
  value: text,
  onChange,
  inherits,
  error,
}: {
  name?: string;
  value: string;
  onChange: (text: string) => void;
  /** What an empty field falls back to, e.g. "the event type's schedule or the instance default". */
  inherits: string;
  error?: string;
}) {
  const parsed = parseScheduleText(text);
  let preview: string | null = null;
  if (!("error" in parsed)) {
    const plan = parsed.value ? describeSchedule(scheduleToMs(parsed.value)) : `empty: ${inherits}`;
    preview = `${plan[0]!.toUpperCase()}${plan.slice(1)}.`;
  }
  return (
    <div className="space-y-1.5">
      <TextField
        label="Retry schedule"
        name={name}
        value={text}
        onChange={(event) => onChange(event.target.value)}
        placeholder="10s, 1m, 10m, 1h"
        spellCheck={false}
        autoComplete="off"
        error={error ?? ("error" in parsed ? parsed.error : undefined)}
        hint="Delays before each retry (ms, s, m, h, d; 1 to 20 steps of 1 s to 24 h, 14 days in all)."
      />
      {preview && (
        <p className="text-sm text-slate-700" data-testid="schedule-preview" aria-live="polite">
          {preview}
        </p>
      )}
      <p className="text-xs text-slate-500">
        A change applies to new messages only: each delivery keeps the schedule it was created with.
      </p>
    </div>
  );
}
