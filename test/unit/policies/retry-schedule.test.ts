import { describe, expect, it } from "vitest";
import {
  checkRetrySchedule,
  describeSchedule,
  formatDelay,
  formatDuration,
  parseDelay,
  scheduleFromMs,
  scheduleToMs,
} from "@/lib/queue/retry-schedule";
import { zRetrySchedule } from "@/lib/schemas/policies";

describe("retry schedules", () => {
  it("reads every unit", () => {
    expect(["1500ms", "10s", "1m", "1.5h", "1d", " 2 m "].map(parseDelay)).toEqual([
      1_500, 10_000, 60_000, 5_400_000, 86_400_000, 120_000,
    ]);
    expect(parseDelay("10")).toBeNull();
    expect(parseDelay("1w")).toBeNull();
    expect(parseDelay("-1s")).toBeNull();
  });

  it("accepts 1 to 20 steps of 1 s to 24 h, at most 14 days in all", () => {
    expect(checkRetrySchedule(["10s", "1m", "10m", "1h"])).toEqual([]);
    expect(checkRetrySchedule(["1s"])).toEqual([]);
    expect(checkRetrySchedule(Array(14).fill("24h"))).toEqual([]);
    expect(checkRetrySchedule([])).toEqual([{ index: null, message: expect.stringContaining("1 to 20 steps") }]);
    expect(checkRetrySchedule(Array(21).fill("1s"))[0]!.index).toBeNull();
    expect(checkRetrySchedule(Array(15).fill("24h"))).toEqual([
      { index: null, message: expect.stringContaining("at most 14 days") },
    ]);
  });

  it("names the failing step", () => {
    expect(checkRetrySchedule(["10s", "999ms", "1m", "25h", "soon"])).toEqual([
      { index: 1, message: "must be at least 1 s" },
      { index: 3, message: "must be at most 24 h" },
      { index: 4, message: expect.stringContaining("ms, s, m, h or d") },
    ]);
  });

  it("gives the failing index as the zod issue path (the API's 422 details)", () => {
    const parsed = zRetrySchedule.safeParse(["10s", "0.5s"]);
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((issue) => issue.path)).toEqual([[1]]);
    expect(zRetrySchedule.parse(null)).toBeNull();
  });

  it("stores ms and shows the canonical steps", () => {
    expect(scheduleToMs(["10s", "1m", "90s", "1.5h"])).toEqual([10_000, 60_000, 90_000, 5_400_000]);
    expect(scheduleToMs(null)).toEqual([]);
    expect(scheduleFromMs([10_000, 60_000, 90_000, 5_400_000, 86_400_000, 1_500])).toEqual([
      "10s",
      "1m",
      "90s",
      "90m",
      "1d",
      "1500ms",
    ]);
    expect(scheduleFromMs([])).toBeNull();
    expect(scheduleFromMs(null)).toBeNull();
    expect(formatDelay(3_600_000)).toBe("1h");
  });

  it("previews when the tries come and when it gives up", () => {
    expect(describeSchedule(scheduleToMs(["10s", "1m", "10m", "1h"]))).toBe(
      "tries at +10 s, +1 m 10 s, +11 m 10 s, +1 h 11 m; gives up after 1 h 11 m",
    );
    expect(formatDuration(500)).toBe("500 ms");
    expect(formatDuration(2 * 86_400_000 + 3_600_000 + 5_000)).toBe("2 d 1 h");
  });
});
