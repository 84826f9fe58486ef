// How numbers and times read in the dashboard: latencies in ms or s, rates as percentages,
// counts with separators, and axis ticks that fit the chart's granularity.
import type { Granularity } from "./time-ranges";

const count = new Intl.NumberFormat("en-US");

export function formatCount(value: number): string {
  return count.format(value);
}

/** "1 attempt", "1,204 attempts". */
export function countOf(value: number, noun: string): string {
  return `${count.format(value)} ${value === 1 ? noun : `${noun}s`}`;
}

/** 43 ms, 1.2 s, 15 s; an em dash with no samples. */
export function formatMs(value: number | null | undefined): string {
  if (value === null || value === undefined) return "—";
  if (value < 10) return `${value.toFixed(1)} ms`;
  if (value < 1_000) return `${Math.round(value)} ms`;
  return `${(value / 1_000).toFixed(value < 10_000 ? 2 : 1)} s`;
}

/** A latency axis label, short enough for a narrow axis: 0, 250ms, 1.5s. */
export function formatMsTick(value: number): string {
  if (value === 0) return "0";
  if (value < 1_000) return `${Number(value.toPrecision(2))}ms`;
  return `${Number((value / 1_000).toPrecision(2))}s`;
}

/** A 0..1 rate as 99.5 %; an em dash when nothing was attempted. */
export function formatRate(value: number | null | undefined): string {
  if (value === null || value === undefined) return "—";
  const percent = value * 100;
  const digits = percent === 100 || percent === 0 ? 0 : percent >= 99 ? 2 : 1;
  return `${Number(percent.toFixed(digits))}%`;
}

export function formatDateTime(value: string | Date): string {
  return new Date(value).toLocaleString("en-US", {
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hour12: false,
  });
}

export function formatTick(value: string | number, granularity: Granularity): string {
  const date = new Date(value);
  if (granularity === "day") return date.toLocaleDateString("en-US", { month: "short", day: "numeric" });
  return date.toLocaleTimeString("en-US", { hour: "2-digit", minute: "2-digit", hour12: false });
}

/** "14:05" within the day of `now`, "Nov 26 14:05" otherwise: tooltips of a bucket. */
export function formatBucket(value: string | number, granularity: Granularity): string {
  const date = new Date(value);
  if (granularity === "day")
    return date.toLocaleDateString("en-US", { weekday: "short", month: "short", day: "numeric" });
  return date.toLocaleString("en-US", {
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
  });
}

/** What the outcome of an attempt was, in a few characters: "200", "HTTP 503", "timeout". */
export function attemptOutcome(attempt: { status: number | null; errorKind: string | null }): string {
  if (attempt.status !== null) return String(attempt.status);
  return (attempt.errorKind ?? "error").replaceAll("_", " ");
}

export function isSuccessStatus(status: number | null): boolean {
  return status !== null && status >= 200 && status < 300;
}
