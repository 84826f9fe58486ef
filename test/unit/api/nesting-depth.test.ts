import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nestingDepth } from "@/lib/api/read-json-body";

/** The depth of a parsed value, by recursion (the reference the scanner must agree with). */
function depthOf(value: unknown): number {
  if (Array.isArray(value)) return 1 + Math.max(0, ...value.map(depthOf));
  if (value && typeof value === "object") return 1 + Math.max(0, ...Object.values(value).map(depthOf));
  return 0;
}

describe("nestingDepth", () => {
  it.each([
    ["1", 0],
    ["[]", 1],
    ['{"a":[{"b":{}}]}', 4],
    ['"[[[["', 0],
    ['{"k\\"[[":"\\\\"}', 1],
    ['[["]"],[]]', 2],
  ])("should measure %s as %i", (text, expected) => {
    expect(nestingDepth(text)).toBe(expected);
  });

  it("should agree with the parsed value's depth for any JSON", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), (value) => {
        expect(nestingDepth(JSON.stringify(value))).toBe(depthOf(value));
      }),
      { numRuns: 2_000 },
    );
  });
});
