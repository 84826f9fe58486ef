import { describe, expect, it } from "vitest";
import { idFloorAt, newId, timeOfId } from "@/lib/ids";
import { deliveryIdRangeForMessages, idFloorForMessages } from "@/lib/messages/id-floor";

describe("idFloorForMessages", () => {
  const day = 86_400_000;
  const t = Date.parse("2026-11-20T10:00:00.000Z");

  it("should be a day before the oldest message, as an id of the asked kind", () => {
    const ids = [newId("message", t + 5_000), newId("message", t), newId("message", t + day)];
    const floor = idFloorForMessages("delivery", ids)!;
    expect(floor).toBe(idFloorAt("delivery", new Date(t - day)));
    expect(floor.startsWith("dlv_")).toBe(true);
    // Rows written with (or after) their message, even by a clock a little behind, are above it.
    expect(newId("delivery", t) >= floor).toBe(true);
    expect(newId("attempt", t - 60_000) >= idFloorForMessages("attempt", ids)!).toBe(true);
    expect(timeOfId(floor)!.getTime()).toBe(t - day);
  });

  it("should give no bound for no messages or an id without a time", () => {
    expect(idFloorForMessages("attempt", [])).toBeUndefined();
    expect(idFloorForMessages("attempt", [newId("message", t), "msg_nope"])).toBeUndefined();
  });
});

describe("deliveryIdRangeForMessages", () => {
  const day = 86_400_000;
  const t = Date.parse("2026-11-20T10:00:00.000Z");

  it("should span the messages' times, a day wider on each side", () => {
    const ids = [newId("message", t + 3_600_000), newId("message", t)];
    const range = deliveryIdRangeForMessages(ids);
    expect(range).toEqual({
      gte: idFloorAt("delivery", new Date(t - day)),
      lt: idFloorAt("delivery", new Date(t + 3_600_000 + day)),
    });
    // A delivery is stamped with its message's time.
    for (const id of ids) {
      const delivery = newId("delivery", timeOfId(id)!.getTime());
      expect(delivery >= range.gte! && delivery < range.lt!).toBe(true);
    }
  });

  it("should not bound anything for no messages or an id without a time", () => {
    expect(deliveryIdRangeForMessages([])).toEqual({});
    expect(deliveryIdRangeForMessages(["msg_nope"])).toEqual({});
  });
});
