// Which part of a time range the hourly rollups can answer. Minute rows are keyed by their
// minute's start and count for a range [from, to) when from <= minute < to; an hourly row holds
// the sum of its sixty minute rows, so it can stand in for them only when all sixty are in the
// range. A range therefore splits into a head (minute rows up to the first whole hour), the
// whole hours (hourly rows) and a tail (minute rows after the last whole hour), and the sums
// over the three are exactly the sums over the minute rows alone. Pure, so unit-tested.
export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;

export const floorTo = (ms: number, step: number) => Math.floor(ms / step) * step;
export const ceilTo = (ms: number, step: number) => Math.ceil(ms / step) * step;

/** The hours [start, end) lying entirely inside [from, to) (ms), or null when there are none. */
export function wholeHoursWithin(from: number, to: number): { start: number; end: number } | null {
  const start = ceilTo(from, HOUR_MS);
  const end = floorTo(to, HOUR_MS);
  return start < end ? { start, end } : null;
}

export interface RangeSplit {
  /** The range in whole minutes: minute rows count when from <= minute < to. */
  from: Date;
  to: Date;
  /** Hourly rows for [wholeFrom, wholeTo); minute rows for [from, wholeFrom) and [wholeTo, to). Both equal `to` when no hour fits. */
  wholeFrom: Date;
  wholeTo: Date;
}

/**
 * Splits [from, to) for rows keyed by minute. A minute m is in the range iff
 * ceilMinute(from) <= m < ceilMinute(to), so the edges are rounded up to whole minutes first.
 * `useHours: false` (minute buckets, which an hourly row cannot be split into) reads minutes only.
 */
export function splitRange(from: Date, to: Date, useHours = true): RangeSplit {
  const start = ceilTo(from.getTime(), MINUTE_MS);
  const end = Math.max(start, ceilTo(to.getTime(), MINUTE_MS));
  const hours = useHours ? wholeHoursWithin(start, end) : null;
  return {
    from: new Date(start),
    to: new Date(end),
    wholeFrom: new Date(hours?.start ?? end),
    wholeTo: new Date(hours?.end ?? end),
  };
}

/**
 * Hours (their starts, ascending) that lie entirely inside [edges[0], edges[n]) and inside one
 * bucket [edges[i], edges[i+1]): the hours whose stored count can be added to a bucket whole.
 * Edges are ascending ms.
 */
export function hoursInsideBuckets(edges: readonly number[]): number[] {
  const hours: number[] = [];
  for (let index = 0; index + 1 < edges.length; index++) {
    const whole = wholeHoursWithin(edges[index]!, edges[index + 1]!);
    if (!whole) continue;
    for (let hour = whole.start; hour < whole.end; hour += HOUR_MS) hours.push(hour);
  }
  return hours;
}

/** [from, to) minus the given hours (ascending starts, inside the range), as maximal [start, end) runs. */
export function uncoveredRanges(from: number, to: number, coveredHours: readonly number[]): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let cursor = from;
  for (const hour of coveredHours) {
    if (hour > cursor) ranges.push([cursor, hour]);
    cursor = Math.max(cursor, hour + HOUR_MS);
  }
  if (cursor < to) ranges.push([cursor, to]);
  return ranges;
}
