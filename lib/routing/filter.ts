// The payload filter of an endpoint: a MongoDB-style query document over the message payload,
// as Convoy users know it. Only comparisons, no regular expressions and no code, and bounded in
// size and depth, so that evaluating every endpoint's filter at publish costs microseconds and
// no filter can be made to run long. Pure (no I/O): the publish path, the "test filter"
// operation and the tests use the same evaluator.
//
// Semantics follow MongoDB's where it matters for JSON payloads:
// - a path (`customer.country`, `items.0.sku`) walks objects by key and arrays by index; a
//   non-numeric segment on an array walks into each element (`items.sku`: any item's sku);
// - a condition holds when any value the path reaches (or any element of an array it reaches)
//   satisfies it; `$ne` and `$nin` are the negations of `$eq` and `$in`, so they hold for a
//   missing field, and `{ "field": null }` matches null or missing;
// - `$gt $gte $lt $lte` compare numbers with numbers and strings with strings only: "10" is
//   neither greater nor less than 9;
// - a bare value means `$eq`; an object whose keys are all operators is an operator expression,
//   any other object is a value compared as a whole.
import { z } from "zod";

export const FILTER_MAX_BYTES = 8 * 1024;
/** Nesting of `$and` / `$or` / `$not` and operator expressions, counted in objects and arrays. */
export const FILTER_MAX_DEPTH = 12;

export type FilterDocument = Record<string, unknown>;

const FIELD_OPERATORS: readonly string[] = [
  "$eq",
  "$ne",
  "$in",
  "$nin",
  "$gt",
  "$gte",
  "$lt",
  "$lte",
  "$exists",
  "$not",
];
const LOGICAL_OPERATORS: readonly string[] = ["$and", "$or", "$not"];

export interface FilterIssue {
  /** Where in the filter document, e.g. `amount.$gte` or `$or.1.currency.$in`. */
  path: Array<string | number>;
  message: string;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const isOperatorExpression = (value: unknown): value is Record<string, unknown> =>
  isPlainObject(value) && Object.keys(value).length > 0 && Object.keys(value).every((key) => key.startsWith("$"));

function depthOf(value: unknown): number {
  if (Array.isArray(value)) return 1 + Math.max(0, ...value.map(depthOf));
  if (isPlainObject(value)) return 1 + Math.max(0, ...Object.values(value).map(depthOf));
  return 0;
}

/** Every problem of a filter document, each with its path; empty when it is valid. */
export function checkFilter(filter: unknown): FilterIssue[] {
  if (!isPlainObject(filter)) return [{ path: [], message: "must be an object" }];
  const bytes = new TextEncoder().encode(JSON.stringify(filter)).length; // also runs in the browser (the form)
  if (bytes > FILTER_MAX_BYTES)
    return [{ path: [], message: `is ${bytes} bytes; a filter may have at most ${FILTER_MAX_BYTES}` }];
  if (depthOf(filter) > FILTER_MAX_DEPTH)
    return [{ path: [], message: `is nested more than ${FILTER_MAX_DEPTH} levels deep` }];
  const issues: FilterIssue[] = [];
  checkDocument(filter, [], issues);
  return issues;
}

function checkDocument(document: Record<string, unknown>, at: Array<string | number>, issues: FilterIssue[]): void {
  for (const [key, value] of Object.entries(document)) {
    const path = [...at, key];
    if (key.startsWith("$")) {
      if (!LOGICAL_OPERATORS.includes(key)) {
        issues.push({ path, message: `${key} is not allowed here; use $and, $or, $not or a field path` });
      } else if (key === "$not") {
        if (isPlainObject(value)) checkDocument(value, path, issues);
        else issues.push({ path, message: "must be a filter object" });
      } else if (!Array.isArray(value) || value.length === 0) {
        issues.push({ path, message: "must be a non-empty array of filter objects" });
      } else {
        value.forEach((item, index) => {
          if (isPlainObject(item)) checkDocument(item, [...path, index], issues);
          else issues.push({ path: [...path, index], message: "must be a filter object" });
        });
      }
      continue;
    }
    if (key === "" || key.split(".").some((segment) => segment === ""))
      issues.push({ path, message: "is not a valid path (empty segment)" });
    else checkCondition(value, path, issues);
  }
}

function checkCondition(condition: unknown, path: Array<string | number>, issues: FilterIssue[]): void {
  if (!isPlainObject(condition)) return; // a bare value: $eq
  const keys = Object.keys(condition);
  const operators = keys.filter((key) => key.startsWith("$"));
  if (operators.length === 0) return; // an object compared as a whole
  if (operators.length !== keys.length) {
    issues.push({ path, message: "mixes operators and fields; use either { $op: … } or a plain value" });
    return;
  }
  for (const [operator, operand] of Object.entries(condition)) {
    const at = [...path, operator];
    if (!FIELD_OPERATORS.includes(operator)) {
      issues.push({
        path: at,
        message: `unknown operator ${operator}; allowed: ${FIELD_OPERATORS.join(" ")}`,
      });
    } else if (operator === "$in" || operator === "$nin") {
      if (!Array.isArray(operand)) issues.push({ path: at, message: "must be an array" });
    } else if (operator === "$exists") {
      if (typeof operand !== "boolean") issues.push({ path: at, message: "must be true or false" });
    } else if (operator === "$not") {
      if (!isOperatorExpression(operand))
        issues.push({ path: at, message: "must be an operator object like { $gt: 5 }" });
      else checkCondition(operand, at, issues);
    } else if (operator !== "$eq" && operator !== "$ne") {
      if (typeof operand !== "number" && typeof operand !== "string")
        issues.push({ path: at, message: "must be a number or a string" });
    }
  }
}

/**
 * The zod schema of a filter document: the API's `filter` field. Problems are reported at their
 * own path below the field (`filter.amount.$gte`), so the 422 says where the filter is wrong.
 */
export const ZFilter = z
  .record(z.string(), z.unknown())
  .superRefine((filter, context) => {
    for (const issue of checkFilter(filter))
      context.addIssue({ code: "custom", path: issue.path, message: issue.message });
  })
  .meta({
    description:
      "A MongoDB-style query over the payload: dot paths (`customer.country`, `items.0.sku`), operators $eq $ne $in $nin $gt $gte $lt $lte $exists $and $or $not, a bare value meaning $eq. At most 8 KiB.",
    example: { amount: { $gte: 100 }, currency: { $in: ["EUR", "USD"] } },
  });

// --- evaluation -------------------------------------------------------------------------------

/** The values a dot path reaches in `value` (several when it walks through an array). */
function resolve(value: unknown, segments: readonly string[], from = 0): unknown[] {
  if (from === segments.length) return [value];
  const segment = segments[from]!;
  if (Array.isArray(value)) {
    if (/^\d+$/.test(segment)) {
      const index = Number(segment);
      return index < value.length ? resolve(value[index], segments, from + 1) : [];
    }
    return value.flatMap((element) => (isPlainObject(element) ? resolve(element, segments, from) : []));
  }
  if (isPlainObject(value) && Object.hasOwn(value, segment)) return resolve(value[segment], segments, from + 1);
  return [];
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && deepEqual(a[key], b[key]))
    );
  }
  return false;
}

/** A value or, for an array, the array itself and each of its elements (MongoDB's array rule). */
const candidatesOf = (values: readonly unknown[]): unknown[] =>
  values.flatMap((value) => (Array.isArray(value) ? [value, ...value] : [value]));

function equalsAny(values: readonly unknown[], operand: unknown): boolean {
  // { field: null } also matches a field that is not there.
  if (operand === null && values.length === 0) return true;
  return candidatesOf(values).some((candidate) => deepEqual(candidate, operand));
}

function compare(candidate: unknown, operand: unknown): number | null {
  if (typeof candidate === "number" && typeof operand === "number") return candidate - operand;
  if (typeof candidate === "string" && typeof operand === "string")
    return candidate < operand ? -1 : candidate > operand ? 1 : 0;
  return null; // different types never compare
}

function satisfies(values: readonly unknown[], operator: string, operand: unknown): boolean {
  switch (operator) {
    case "$eq":
      return equalsAny(values, operand);
    case "$ne":
      return !equalsAny(values, operand);
    case "$in":
      return (operand as unknown[]).some((item) => equalsAny(values, item));
    case "$nin":
      return !(operand as unknown[]).some((item) => equalsAny(values, item));
    case "$exists":
      return values.length > 0 === operand;
    case "$not":
      return !holds(values, operand);
    default: {
      return candidatesOf(values).some((candidate) => {
        const order = compare(candidate, operand);
        if (order === null) return false;
        if (operator === "$gt") return order > 0;
        if (operator === "$gte") return order >= 0;
        if (operator === "$lt") return order < 0;
        return order <= 0; // $lte
      });
    }
  }
}

function holds(values: readonly unknown[], condition: unknown): boolean {
  if (!isOperatorExpression(condition)) return equalsAny(values, condition);
  return Object.entries(condition).every(([operator, operand]) => satisfies(values, operator, operand));
}

/**
 * Whether `payload` matches `filter`. The filter must have passed checkFilter (the API and the
 * database only hold such filters); an empty filter matches everything.
 */
export function matchesFilter(filter: FilterDocument, payload: unknown): boolean {
  return Object.entries(filter).every(([key, value]) => {
    if (key === "$and") return (value as FilterDocument[]).every((item) => matchesFilter(item, payload));
    if (key === "$or") return (value as FilterDocument[]).some((item) => matchesFilter(item, payload));
    if (key === "$not") return !matchesFilter(value as FilterDocument, payload);
    return holds(resolve(payload, key.split(".")), value);
  });
}
