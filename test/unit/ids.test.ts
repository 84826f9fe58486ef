import { describe, expect, it } from "vitest";
import { idFloorAt, isId, newId, timeOfId, ulid } from "@/lib/ids";

describe("ids", () => {
  it("should be a prefix and 26 Crockford base32 characters", () => {
    expect(newId("message")).toMatch(/^msg_[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(newId("endpoint")).toMatch(/^ep_[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(newId("tenant")).toMatch(/^tnt_/);
  });

  it("should sort in creation order, also within one millisecond", () => {
    const now = Date.now();
    const ids = Array.from({ length: 1000 }, (_, index) => newId("message", now + Math.floor(index / 100)));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("should sort by time across milliseconds whatever the random part", () => {
    const earlier = ulid(1_700_000_000_000);
    const later = ulid(1_700_000_000_001);
    expect(earlier < later).toBe(true);
  });

  it("should encode its creation time", () => {
    const time = new Date("2026-11-26T12:34:56.789Z");
    const id = newId("attempt", time.getTime());
    expect(timeOfId(id)?.toISOString()).toBe(time.toISOString());
    expect(timeOfId("msg_nope")).toBeUndefined();
  });

  it("should turn a time into the lowest id at that time", () => {
    const time = new Date("2026-01-01T00:00:00.000Z");
    const floor = idFloorAt("message", time);
    expect(newId("message", time.getTime()) >= floor).toBe(true);
    expect(newId("message", time.getTime() - 1) < floor).toBe(true);
    expect(timeOfId(floor)?.toISOString()).toBe(time.toISOString());
  });

  it.each([
    { value: newId("message"), kind: "message" as const, expected: true },
    { value: newId("message"), kind: "endpoint" as const, expected: false },
    { value: "msg_01ARZ3NDEKTSV4RRFFQ69G5FAV", kind: "message" as const, expected: true },
    { value: "msg_01ARZ3NDEKTSV4RRFFQ69G5FA", kind: "message" as const, expected: false },
    { value: "msg_01ARZ3NDEKTSV4RRFFQ69G5FAU", kind: "message" as const, expected: false },
    { value: "msg_01arz3ndektsv4rrffq69g5fav", kind: "message" as const, expected: false },
    { value: "' OR 1=1 --", kind: "message" as const, expected: false },
  ])("should tell whether $value is a $kind id", ({ value, kind, expected }) => {
    expect(isId(kind, value)).toBe(expected);
  });
});
