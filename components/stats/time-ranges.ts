// The range picker's choices and the stats query each one makes. The start is floored to the
// minute, so the query (and with it the react-query key) stays the same for a minute and
// charts refetch the same range instead of a new one on every render.
import type { TStatsQuery } from "@/lib/schemas/stats";

export type Granularity = "minute" | "hour" | "day";

export const TIME_RANGES = {
  "1h": { label: "1 h", name: "Last hour", ms: 3_600_000, granularity: "minute" },
  "24h": { label: "24 h", name: "Last 24 hours", ms: 86_400_000, granularity: "hour" },
  "7d": { label: "7 d", name: "Last 7 days", ms: 7 * 86_400_000, granularity: "hour" },
  "30d": { label: "30 d", name: "Last 30 days", ms: 30 * 86_400_000, granularity: "day" },
} as const satisfies Record<string, { label: string; name: string; ms: number; granularity: Granularity }>;

export type TimeRange = keyof typeof TIME_RANGES;

export const RANGE_OPTIONS = Object.entries(TIME_RANGES).map(([value, range]) => ({
  value: value as TimeRange,
  label: range.label,
  name: range.name,
}));

export function statsQueryFor(range: TimeRange, now: number): TStatsQuery & { granularity: Granularity } {
  const minute = Math.floor(now / 60_000) * 60_000;
  const { ms, granularity } = TIME_RANGES[range];
  return { from: new Date(minute + 60_000 - ms).toISOString(), granularity };
}
