// Property tests: the publish path's evaluator agrees with a small reference evaluator written
// apart from it (frontier walk instead of recursion, the array rule spelled out per operator),
// on random payloads and random valid filters; and the logical operators obey their laws.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkFilter, matchesFilter } from "@/lib/routing/filter";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

// --- the reference --------------------------------------------------------------------------

function reach(root: Json, path: string): Json[] {
  let frontier: Json[] = [root];
  for (const segment of path.split(".")) {
    const next: Json[] = [];
    const stack = [...frontier];
    while (stack.length) {
      const value = stack.shift()!;
      if (Array.isArray(value)) {
        if (/^\d+$/.test(segment)) {
          if (Number(segment) < value.length) next.push(value[Number(segment)]!);
        } else
          for (const element of value)
            if (element && typeof element === "object" && !Array.isArray(element)) stack.push(element);
      } else if (value && typeof value === "object" && segment in value) {
        next.push(value[segment]!);
      }
    }
    frontier = next;
  }
  return frontier;
}

const same = (a: Json, b: Json): boolean => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
function canonical(value: Json): Json {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object")
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical(value[key]!)]),
    );
  return value;
}

function referenceEq(values: Json[], operand: Json): boolean {
  if (operand === null && values.length === 0) return true;
  for (const value of values) {
    if (same(value, operand)) return true;
    if (Array.isArray(value) && value.some((element) => same(element, operand))) return true;
  }
  return false;
}

function referenceCompare(values: Json[], operand: Json, test: (order: number) => boolean): boolean {
  const flat = values.flatMap((value) => (Array.isArray(value) ? value : [value]));
  return flat.some((value) => {
    if (typeof value !== typeof operand || (typeof value !== "number" && typeof value !== "string")) return false;
    return test(value === operand ? 0 : (value as number | string) < (operand as number | string) ? -1 : 1);
  });
}

function referenceCondition(values: Json[], condition: Json): boolean {
  const isExpression =
    condition !== null &&
    typeof condition === "object" &&
    !Array.isArray(condition) &&
    Object.keys(condition).length > 0 &&
    Object.keys(condition).every((key) => key[0] === "$");
  if (!isExpression) return referenceEq(values, condition);
  let result = true;
  for (const [operator, operand] of Object.entries(condition as Record<string, Json>)) {
    let ok: boolean;
    if (operator === "$eq") ok = referenceEq(values, operand);
    else if (operator === "$ne") ok = !referenceEq(values, operand);
    else if (operator === "$in") ok = (operand as Json[]).some((item) => referenceEq(values, item));
    else if (operator === "$nin") ok = !(operand as Json[]).some((item) => referenceEq(values, item));
    else if (operator === "$exists") ok = operand === values.length > 0;
    else if (operator === "$not") ok = !referenceCondition(values, operand);
    else if (operator === "$gt") ok = referenceCompare(values, operand, (order) => order > 0);
    else if (operator === "$gte") ok = referenceCompare(values, operand, (order) => order >= 0);
    else if (operator === "$lt") ok = referenceCompare(values, operand, (order) => order < 0);
    else if (operator === "$lte") ok = referenceCompare(values, operand, (order) => order <= 0);
    else throw new Error(`unexpected ${operator}`);
    result = result && ok;
  }
  return result;
}

function reference(filter: Record<string, Json>, payload: Json): boolean {
  for (const [key, value] of Object.entries(filter)) {
    let ok: boolean;
    if (key === "$and") ok = (value as Array<Record<string, Json>>).every((item) => reference(item, payload));
    else if (key === "$or") ok = (value as Array<Record<string, Json>>).some((item) => reference(item, payload));
    else if (key === "$not") ok = !reference(value as Record<string, Json>, payload);
    else ok = referenceCondition(reach(payload, key), value);
    if (!ok) return false;
  }
  return true;
}

// --- generators: small vocabularies, so that filters often hit -----------------------------

const keys = ["a", "b", "c", "0", "1"];
const scalar = fc.oneof(
  fc.constantFrom<Json>(null, true, false, 0, 1, 2, -1, 2.5, "", "a", "b", "1"),
  fc.integer({ min: -3, max: 3 }),
);
const { payload } = fc.letrec<{ payload: Json }>((tie) => ({
  payload: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    scalar,
    fc.array(tie("payload"), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom(...keys), tie("payload"), { maxKeys: 3 }),
  ),
}));
const path = fc.array(fc.constantFrom(...keys), { minLength: 1, maxLength: 3 }).map((segments) => segments.join("."));
const comparable = fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constantFrom("", "a", "b", "1"));

const operatorExpression: fc.Arbitrary<Record<string, Json>> = fc.letrec<{ expression: Record<string, Json> }>(
  (tie) => ({
    expression: fc
      .array(
        fc.oneof(
          fc.tuple(fc.constantFrom("$eq", "$ne"), payload),
          fc.tuple(fc.constantFrom("$in", "$nin"), fc.array(payload, { maxLength: 3 })),
          fc.tuple(fc.constantFrom("$gt", "$gte", "$lt", "$lte"), comparable),
          fc.tuple(fc.constant("$exists"), fc.boolean()),
          fc.tuple(fc.constant("$not"), tie("expression")),
        ),
        { minLength: 1, maxLength: 2 },
      )
      .map((entries) => Object.fromEntries(entries) as Record<string, Json>),
  }),
).expression;

const { filter } = fc.letrec<{ filter: Record<string, Json> }>((tie) => ({
  filter: fc
    .array(
      fc.oneof(
        { depthSize: "small" },
        fc.tuple(path, fc.oneof(scalar, operatorExpression)),
        fc.tuple(fc.constantFrom("$and", "$or"), fc.array(tie("filter"), { minLength: 1, maxLength: 3 })),
        fc.tuple(fc.constant("$not"), tie("filter")),
      ),
      { maxLength: 3 },
    )
    .map((entries) => Object.fromEntries(entries) as Record<string, Json>),
}));

describe("filter evaluation (properties)", () => {
  it("should agree with the reference evaluator", () => {
    fc.assert(
      fc.property(filter, payload, (query, document) => {
        fc.pre(checkFilter(query).length === 0);
        expect(matchesFilter(query, document)).toBe(reference(query, document));
      }),
      { numRuns: 3000 },
    );
  });

  it("should obey the logical laws", () => {
    fc.assert(
      fc.property(filter, filter, payload, (f, g, document) => {
        fc.pre(checkFilter({ $and: [f, g] }).length === 0);
        const a = matchesFilter(f, document);
        const b = matchesFilter(g, document);
        expect(matchesFilter({ $and: [f, g] }, document)).toBe(a && b);
        expect(matchesFilter({ $or: [f, g] }, document)).toBe(a || b);
        expect(matchesFilter({ $not: f }, document)).toBe(!a);
      }),
      { numRuns: 1000 },
    );
  });

  it("should make $ne and $nin the negations of $eq and $in", () => {
    fc.assert(
      fc.property(path, payload, fc.array(payload, { maxLength: 3 }), payload, (at, value, list, document) => {
        expect(matchesFilter({ [at]: { $ne: value } }, document)).toBe(!matchesFilter({ [at]: value }, document));
        expect(matchesFilter({ [at]: { $nin: list } }, document)).toBe(
          !matchesFilter({ [at]: { $in: list } }, document),
        );
      }),
      { numRuns: 1000 },
    );
  });
});
