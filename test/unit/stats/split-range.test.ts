// Splitting a range for the rollup tables: minute rows at the ragged edges, hourly rows for
// the whole hours in between (lib/stats/split-range.ts).
import { describe, expect, it } from "vitest";
import { hoursInsideBuckets, splitRange, uncoveredRanges, wholeHoursWithin } from "@/lib/stats/split-range";

const at = (iso: string) => new Date(iso);
const ms = (iso: string) => Date.parse(iso);
const iso = (time: Date) => time.toISOString();

describe("splitRange", () => {
  it.each([
    {
      name: "ragged edges: minutes before the first and after the last whole hour",
      input: ["2026-11-01T10:17:30.000Z", "2026-11-01T14:05:10.000Z"],
      expected: {
        from: "2026-11-01T10:18:00.000Z",
        wholeFrom: "2026-11-01T11:00:00.000Z",
        wholeTo: "2026-11-01T14:00:00.000Z",
        to: "2026-11-01T14:06:00.000Z",
      },
    },
    {
      name: "aligned edges: hours only",
      input: ["2026-11-01T10:00:00.000Z", "2026-11-02T10:00:00.000Z"],
      expected: {
        from: "2026-11-01T10:00:00.000Z",
        wholeFrom: "2026-11-01T10:00:00.000Z",
        wholeTo: "2026-11-02T10:00:00.000Z",
        to: "2026-11-02T10:00:00.000Z",
      },
    },
    {
      name: "inside one hour: minutes only",
      input: ["2026-11-01T10:10:00.000Z", "2026-11-01T10:50:00.000Z"],
      expected: {
        from: "2026-11-01T10:10:00.000Z",
        wholeFrom: "2026-11-01T10:50:00.000Z",
        wholeTo: "2026-11-01T10:50:00.000Z",
        to: "2026-11-01T10:50:00.000Z",
      },
    },
    {
      name: "across an hour boundary without a whole hour: minutes only",
      input: ["2026-11-01T10:30:00.000Z", "2026-11-01T11:30:00.000Z"],
      expected: {
        from: "2026-11-01T10:30:00.000Z",
        wholeFrom: "2026-11-01T11:30:00.000Z",
        wholeTo: "2026-11-01T11:30:00.000Z",
        to: "2026-11-01T11:30:00.000Z",
      },
    },
    {
      // The minute 11:59 starts before `to`, so it counts; with it the whole hour 11:00 does.
      name: "a `to` a millisecond into the last minute completes its hour",
      input: ["2026-11-01T11:00:00.000Z", "2026-11-01T11:59:00.001Z"],
      expected: {
        from: "2026-11-01T11:00:00.000Z",
        wholeFrom: "2026-11-01T11:00:00.000Z",
        wholeTo: "2026-11-01T12:00:00.000Z",
        to: "2026-11-01T12:00:00.000Z",
      },
    },
    {
      name: "a `from` a millisecond after the hour loses its first minute and so the hour",
      input: ["2026-11-01T11:00:00.001Z", "2026-11-01T13:00:00.000Z"],
      expected: {
        from: "2026-11-01T11:01:00.000Z",
        wholeFrom: "2026-11-01T12:00:00.000Z",
        wholeTo: "2026-11-01T13:00:00.000Z",
        to: "2026-11-01T13:00:00.000Z",
      },
    },
    {
      name: "an empty range stays empty",
      input: ["2026-11-01T11:00:10.000Z", "2026-11-01T11:00:20.000Z"],
      expected: {
        from: "2026-11-01T11:01:00.000Z",
        wholeFrom: "2026-11-01T11:01:00.000Z",
        wholeTo: "2026-11-01T11:01:00.000Z",
        to: "2026-11-01T11:01:00.000Z",
      },
    },
  ])("should split $name", ({ input, expected }) => {
    const split = splitRange(at(input[0]!), at(input[1]!));
    expect({
      from: iso(split.from),
      wholeFrom: iso(split.wholeFrom),
      wholeTo: iso(split.wholeTo),
      to: iso(split.to),
    }).toEqual(expected);
  });

  it("should read minutes only when asked to (minute buckets)", () => {
    const split = splitRange(at("2026-11-01T10:00:00.000Z"), at("2026-11-01T13:00:00.000Z"), false);
    expect([split.wholeFrom, split.wholeTo].map(iso)).toEqual(["2026-11-01T13:00:00.000Z", "2026-11-01T13:00:00.000Z"]);
  });
});

describe("wholeHoursWithin", () => {
  it.each([
    {
      name: "exact hours",
      input: ["2026-11-01T10:00:00Z", "2026-11-01T12:00:00Z"],
      expected: { start: ms("2026-11-01T10:00:00Z"), end: ms("2026-11-01T12:00:00Z") },
    },
    {
      name: "ragged",
      input: ["2026-11-01T09:59:59.999Z", "2026-11-01T12:00:00.001Z"],
      expected: { start: ms("2026-11-01T10:00:00Z"), end: ms("2026-11-01T12:00:00Z") },
    },
    { name: "less than an hour", input: ["2026-11-01T10:00:00.001Z", "2026-11-01T11:00:00Z"], expected: null },
  ])("should find $name", ({ input, expected }) => {
    expect(wholeHoursWithin(ms(input[0]!), ms(input[1]!))).toEqual(expected);
  });
});

describe("hoursInsideBuckets and uncoveredRanges", () => {
  it("should use every whole hour of day buckets and none of minute buckets", () => {
    const days = [ms("2026-11-01T00:00:00Z"), ms("2026-11-02T00:00:00Z"), ms("2026-11-02T05:30:00Z")];
    expect(hoursInsideBuckets(days)).toHaveLength(24 + 5);
    const minutes = Array.from({ length: 61 }, (_, index) => ms("2026-11-01T10:00:00Z") + index * 60_000);
    expect(hoursInsideBuckets(minutes)).toEqual([]);
  });

  it("should skip an hour that a bucket edge cuts", () => {
    const edges = [ms("2026-11-01T10:00:00Z"), ms("2026-11-01T11:30:00Z"), ms("2026-11-01T13:00:00Z")];
    expect(hoursInsideBuckets(edges)).toEqual([ms("2026-11-01T10:00:00Z"), ms("2026-11-01T12:00:00Z")]);
  });

  it.each([
    { name: "nothing covered", covered: [] as string[], expected: [["10:15", "14:40"]] },
    {
      name: "the middle covered",
      covered: ["11:00", "12:00", "13:00"],
      expected: [
        ["10:15", "11:00"],
        ["14:00", "14:40"],
      ],
    },
    {
      name: "a gap between covered hours",
      covered: ["11:00", "13:00"],
      expected: [
        ["10:15", "11:00"],
        ["12:00", "13:00"],
        ["14:00", "14:40"],
      ],
    },
  ])("should leave the uncovered stretches with $name", ({ covered, expected }) => {
    const t = (hhmm: string) => ms(`2026-11-01T${hhmm}:00Z`);
    expect(uncoveredRanges(t("10:15"), t("14:40"), covered.map(t))).toEqual(
      expected.map(([from, to]) => [t(from!), t(to!)]),
    );
  });

  it("should leave nothing when every hour is covered", () => {
    const t = (hhmm: string) => ms(`2026-11-01T${hhmm}:00Z`);
    expect(uncoveredRanges(t("10:00"), t("12:00"), [t("10:00"), t("11:00")])).toEqual([]);
  });
});
