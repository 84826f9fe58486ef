"use client";
// Times as people read them: in their own time zone, and in words ("3 min ago", "in 4 s"). The
// server cannot know the viewer's zone, nor the moment the browser hydrates, so the server and
// the hydrating render both show the exact UTC time (useNow() is null in both: no hydration
// mismatch, however long hydration takes); after hydration the browser switches to local time
// and words. One shared clock ticks every 10 s, so relative times stay true without each <Time>
// running a timer of its own; it is read afresh whenever a <Time> subscribes or gets a new value,
// so a time just past never reads as "in 2 s" off a clock up to 10 s old.
import { useEffect, useSyncExternalStore } from "react";

const TICK_MS = 10_000;
const listeners = new Set<() => void>();
let now = Date.now();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  now = Date.now();
  if (!timer) {
    timer = setInterval(() => {
      now = Date.now();
      for (const notify of listeners) notify();
    }, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (!listeners.size && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/** Reads the clock again (and re-renders every <Time>) when the last tick is a second old or more. */
function refreshNow(): void {
  const fresh = Date.now();
  if (fresh - now < 1_000) return;
  now = fresh;
  for (const notify of listeners) notify();
}

/** The current time on the client (ticking), null while rendering on the server. */
export function useNow(): number | null {
  return useSyncExternalStore(
    subscribe,
    () => now,
    () => null,
  );
}

const UNITS: Array<[limitSeconds: number, divisor: number, unit: string]> = [
  [60, 1, "s"],
  [3_600, 60, "min"],
  [86_400, 3_600, "h"],
  [30 * 86_400, 86_400, "d"],
];

/** "12 s ago", "5 min ago", "in 4 s"; null past a month (show the date instead). */
export function relativeTime(time: number, reference: number): string | null {
  const seconds = Math.round((time - reference) / 1_000);
  const magnitude = Math.abs(seconds);
  if (magnitude < 2) return "just now";
  for (const [limit, divisor, unit] of UNITS) {
    if (magnitude < limit) {
      const amount = Math.floor(magnitude / divisor);
      return seconds < 0 ? `${amount} ${unit} ago` : `in ${amount} ${unit}`;
    }
  }
  return null;
}

/** A date and time with seconds, local on the client, UTC (and saying so) on the server. */
export function absoluteTime(time: Date, local: boolean): string {
  const text = new Intl.DateTimeFormat("en-GB", {
    dateStyle: "medium",
    timeStyle: "medium",
    timeZone: local ? undefined : "UTC",
  }).format(time);
  return local ? text : `${text} UTC`;
}

/** 12 ms, 1.24 s, 2 min 5 s. */
export function formatDuration(ms: number): string {
  if (ms < 1_000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1_000).toFixed(ms < 10_000 ? 2 : 1)} s`;
  const minutes = Math.floor(ms / 60_000);
  return `${minutes} min ${Math.round((ms % 60_000) / 1_000)} s`;
}

/**
 * A <time> element. `relative` shows words ("3 min ago") with the exact time on hover; `absolute`
 * the exact time; `both` the exact time followed by the words.
 */
export function Time({
  value,
  mode = "relative",
  className,
}: {
  value: string;
  mode?: "relative" | "absolute" | "both";
  className?: string;
}) {
  const current = useNow();
  // A new value (a refreshed "last update", a new attempt) is read against the clock as it is now.
  useEffect(refreshNow, [value]);
  const date = new Date(value);
  const exact = absoluteTime(date, current !== null);
  const words = current === null ? null : relativeTime(date.getTime(), current);
  const text =
    mode === "absolute" ? exact : mode === "both" ? (words ? `${exact} (${words})` : exact) : (words ?? exact);
  return (
    <time dateTime={value} title={exact} className={className}>
      {text}
    </time>
  );
}
