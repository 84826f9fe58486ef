import { describe, expect, it } from "vitest";
import { checkFilter, FILTER_MAX_BYTES, FILTER_MAX_DEPTH, matchesFilter, ZFilter } from "@/lib/routing/filter";

const order = {
  amount: 250,
  currency: "EUR",
  paid: true,
  note: null,
  customer: { country: "DE", tier: "gold", address: { city: "Berlin" } },
  items: [
    { sku: "A-1", qty: 2, tags: ["red", "big"] },
    { sku: "B-7", qty: 1, tags: [] },
  ],
  labels: ["vip", "eu"],
  scores: [3, 9],
};

const cases: Array<{ name: string; filter: Record<string, unknown>; expected: boolean }> = [
  { name: "empty filter", filter: {}, expected: true },
  // bare values and $eq
  { name: "bare number", filter: { amount: 250 }, expected: true },
  { name: "bare number, other", filter: { amount: 251 }, expected: false },
  { name: "$eq string", filter: { currency: { $eq: "EUR" } }, expected: true },
  { name: "$eq type mismatch", filter: { amount: { $eq: "250" } }, expected: false },
  { name: "$eq boolean", filter: { paid: true }, expected: true },
  { name: "null matches null", filter: { note: null }, expected: true },
  { name: "null matches missing", filter: { nothing: null }, expected: true },
  { name: "null does not match a value", filter: { amount: null }, expected: false },
  { name: "plain object compared whole", filter: { "customer.address": { city: "Berlin" } }, expected: true },
  { name: "plain object, other", filter: { "customer.address": { city: "Paris" } }, expected: false },
  // dot paths
  { name: "nested path", filter: { "customer.country": "DE" }, expected: true },
  { name: "deep path", filter: { "customer.address.city": "Berlin" }, expected: true },
  { name: "array index", filter: { "items.0.sku": "A-1" }, expected: true },
  { name: "array index, second", filter: { "items.1.sku": "A-1" }, expected: false },
  { name: "array index out of range", filter: { "items.5.sku": { $exists: true } }, expected: false },
  { name: "path through array elements", filter: { "items.sku": "B-7" }, expected: true },
  { name: "path through nested arrays", filter: { "items.tags": "big" }, expected: true },
  { name: "array contains value", filter: { labels: "eu" }, expected: true },
  { name: "array equals whole", filter: { labels: ["vip", "eu"] }, expected: true },
  { name: "array whole, other order", filter: { labels: ["eu", "vip"] }, expected: false },
  { name: "path below a scalar", filter: { "amount.value": { $exists: true } }, expected: false },
  // $ne
  { name: "$ne other", filter: { currency: { $ne: "USD" } }, expected: true },
  { name: "$ne same", filter: { currency: { $ne: "EUR" } }, expected: false },
  { name: "$ne missing field", filter: { missing: { $ne: 1 } }, expected: true },
  { name: "$ne array element", filter: { labels: { $ne: "vip" } }, expected: false },
  // $in / $nin
  { name: "$in", filter: { currency: { $in: ["EUR", "USD"] } }, expected: true },
  { name: "$in miss", filter: { currency: { $in: ["GBP"] } }, expected: false },
  { name: "$in empty", filter: { currency: { $in: [] } }, expected: false },
  { name: "$in array field", filter: { labels: { $in: ["x", "eu"] } }, expected: true },
  { name: "$in null matches missing", filter: { missing: { $in: [null] } }, expected: true },
  { name: "$nin", filter: { currency: { $nin: ["GBP"] } }, expected: true },
  { name: "$nin hit", filter: { currency: { $nin: ["EUR"] } }, expected: false },
  { name: "$nin missing field", filter: { missing: { $nin: ["EUR"] } }, expected: true },
  // comparisons
  { name: "$gt", filter: { amount: { $gt: 100 } }, expected: true },
  { name: "$gt equal", filter: { amount: { $gt: 250 } }, expected: false },
  { name: "$gte equal", filter: { amount: { $gte: 250 } }, expected: true },
  { name: "$lt", filter: { amount: { $lt: 300 } }, expected: true },
  { name: "$lt miss", filter: { amount: { $lt: 250 } }, expected: false },
  { name: "$lte equal", filter: { amount: { $lte: 250 } }, expected: true },
  { name: "range", filter: { amount: { $gte: 100, $lt: 500 } }, expected: true },
  { name: "range miss", filter: { amount: { $gte: 100, $lt: 200 } }, expected: false },
  { name: "$gt string vs number", filter: { amount: { $gt: "1" } }, expected: false },
  { name: "$lt number vs string", filter: { currency: { $lt: 1000 } }, expected: false },
  { name: "$gt strings", filter: { currency: { $gt: "AAA" } }, expected: true },
  { name: "$gt on missing", filter: { missing: { $gt: 0 } }, expected: false },
  { name: "$gt on null", filter: { note: { $gt: 0 } }, expected: false },
  { name: "$gt boolean", filter: { paid: { $gt: 0 } }, expected: false },
  { name: "$gt any array element", filter: { scores: { $gt: 5 } }, expected: true },
  { name: "$gt no array element", filter: { scores: { $gt: 9 } }, expected: false },
  { name: "$lt through array path", filter: { "items.qty": { $lt: 2 } }, expected: true },
  // $exists
  { name: "$exists true", filter: { "customer.tier": { $exists: true } }, expected: true },
  { name: "$exists true on null", filter: { note: { $exists: true } }, expected: true },
  { name: "$exists false", filter: { "customer.vat": { $exists: false } }, expected: true },
  { name: "$exists false, present", filter: { amount: { $exists: false } }, expected: false },
  // logic
  { name: "$and", filter: { $and: [{ amount: { $gt: 100 } }, { currency: "EUR" }] }, expected: true },
  { name: "$and miss", filter: { $and: [{ amount: { $gt: 100 } }, { currency: "USD" }] }, expected: false },
  { name: "$or", filter: { $or: [{ currency: "USD" }, { "customer.country": "DE" }] }, expected: true },
  { name: "$or miss", filter: { $or: [{ currency: "USD" }, { "customer.country": "FR" }] }, expected: false },
  { name: "$not document", filter: { $not: { currency: "USD" } }, expected: true },
  { name: "$not operator", filter: { amount: { $not: { $gt: 300 } } }, expected: true },
  { name: "$not operator miss", filter: { amount: { $not: { $gt: 100 } } }, expected: false },
  { name: "$not on missing", filter: { missing: { $not: { $gt: 1 } } }, expected: true },
  {
    name: "issue example",
    filter: { amount: { $gte: 100 }, currency: { $in: ["EUR", "USD"] } },
    expected: true,
  },
  {
    name: "nested logic",
    filter: { $or: [{ $and: [{ paid: false }, { amount: 250 }] }, { $not: { labels: { $nin: ["vip"] } } }] },
    expected: true,
  },
];

describe("matchesFilter", () => {
  it.each(cases)("$name", ({ filter, expected }) => {
    expect(checkFilter(filter)).toEqual([]);
    expect(matchesFilter(filter, order)).toBe(expected);
  });
});

describe("checkFilter", () => {
  const invalid: Array<{ name: string; filter: unknown; path: string; message: RegExp }> = [
    { name: "not an object", filter: [1], path: "", message: /object/ },
    {
      name: "unknown operator",
      filter: { amount: { $regex: "x" } },
      path: "amount.$regex",
      message: /unknown operator/,
    },
    { name: "$where", filter: { $where: "1" }, path: "$where", message: /not allowed/ },
    { name: "$in not array", filter: { a: { $in: "x" } }, path: "a.$in", message: /array/ },
    { name: "$nin not array", filter: { a: { $nin: 1 } }, path: "a.$nin", message: /array/ },
    { name: "$exists not boolean", filter: { a: { $exists: 1 } }, path: "a.$exists", message: /true or false/ },
    { name: "$gt object", filter: { a: { $gt: { b: 1 } } }, path: "a.$gt", message: /number or a string/ },
    { name: "$lte null", filter: { a: { $lte: null } }, path: "a.$lte", message: /number or a string/ },
    { name: "$and empty", filter: { $and: [] }, path: "$and", message: /non-empty/ },
    { name: "$or not array", filter: { $or: { a: 1 } }, path: "$or", message: /non-empty/ },
    { name: "$or item", filter: { $or: [{ a: 1 }, 3] }, path: "$or.1", message: /filter object/ },
    { name: "deep problem", filter: { $or: [{ a: { $gt: true } }] }, path: "$or.0.a.$gt", message: /number/ },
    { name: "$not scalar", filter: { a: { $not: 5 } }, path: "a.$not", message: /operator object/ },
    { name: "$not inner", filter: { a: { $not: { $foo: 5 } } }, path: "a.$not.$foo", message: /unknown/ },
    { name: "mixed", filter: { a: { $gt: 1, b: 2 } }, path: "a", message: /mixes/ },
    { name: "empty segment", filter: { "a..b": 1 }, path: "a..b", message: /empty segment/ },
  ];
  it.each(invalid)("should reject $name at its path", ({ filter, path, message }) => {
    const issues = checkFilter(filter);
    expect(issues.length).toBeGreaterThan(0);
    expect(issues[0]!.path.join(".")).toBe(path);
    expect(issues[0]!.message).toMatch(message);
  });

  it("should limit the size to 8 KiB", () => {
    const values = (count: number) => Array.from({ length: count }, (_, i) => `value-${String(i).padStart(4, "0")}`);
    const fits = { a: { $in: values(400) } }; // ~6 KB
    expect(checkFilter(fits)).toEqual([]);
    const tooBig = { a: { $in: values(700) } };
    expect(Buffer.byteLength(JSON.stringify(tooBig))).toBeGreaterThan(FILTER_MAX_BYTES);
    expect(checkFilter(tooBig)[0]!.message).toMatch(/at most 8192/);
  });

  it("should limit the depth", () => {
    const nest = (levels: number): Record<string, unknown> => (levels === 0 ? { a: 1 } : { $not: nest(levels - 1) });
    expect(checkFilter(nest(FILTER_MAX_DEPTH - 2))).toEqual([]);
    expect(checkFilter(nest(FILTER_MAX_DEPTH))[0]!.message).toMatch(/nested more than/);
  });

  it("should report zod issues under the field's path", () => {
    const result = ZFilter.safeParse({ amount: { $gte: "x", $regex: 1 } });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => issue.path.join("."))).toEqual(["amount.$regex"]);
    const ok = ZFilter.safeParse({ amount: { $gte: 100 } });
    expect(ok.success).toBe(true);
  });
});
