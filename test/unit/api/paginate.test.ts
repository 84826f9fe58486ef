import { describe, expect, it } from "vitest";
import { keysetFilter, toPage } from "@/lib/api/paginate";

describe("keysetFilter", () => {
  it.each([
    { name: "nothing", cursor: undefined, range: {}, expected: undefined },
    { name: "the cursor", cursor: "msg_B", range: {}, expected: { lt: "msg_B" } },
    {
      name: "the smaller upper bound",
      cursor: "msg_C",
      range: { lt: "msg_B", gte: "msg_A" },
      expected: { lt: "msg_B", gte: "msg_A" },
    },
    { name: "the cursor when it is smaller", cursor: "msg_A", range: { lt: "msg_B" }, expected: { lt: "msg_A" } },
  ])("should combine $name", ({ cursor, range, expected }) => {
    expect(keysetFilter(cursor, range)).toEqual(expected);
  });
});

describe("toPage", () => {
  it("should cut the look-ahead row and point the cursor at the last row shown", () => {
    const rows = [{ id: "c" }, { id: "b" }, { id: "a" }];
    expect(
      toPage(
        rows,
        { limit: 2 },
        (row) => row.id,
        (row) => row.id,
      ),
    ).toEqual({ data: ["c", "b"], nextCursor: "b" });
    expect(
      toPage(
        rows,
        { limit: 3 },
        (row) => row.id,
        (row) => row.id,
      ),
    ).toEqual({ data: ["c", "b", "a"], nextCursor: null });
  });
});
