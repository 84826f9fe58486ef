import { describe, expect, it } from "vitest";
import {
  compileTransformation,
  runTransformation,
  TIMEOUT_MS,
  TransformationError,
  type TransformationInput,
} from "@/lib/transformations/transformation";
import { ZTransformation } from "@/lib/schemas/policies";

const input: TransformationInput = {
  type: "invoice.paid",
  timestamp: "2026-12-07T06:00:00.000Z",
  data: { id: "inv_1", amount: 4200, currency: "EUR", customer: { email: "a@example.test" }, lines: [1, 2, 3] },
};

function run(expression: string, headers?: Record<string, string>, maxBytes = 1_000_000) {
  return runTransformation(compileTransformation({ language: "jsonata", expression, headers }), input, maxBytes);
}

async function failure(promise: Promise<unknown>): Promise<TransformationError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(TransformationError);
  return error as TransformationError;
}

describe("transformations", () => {
  it("turns the envelope into the body and computes headers", async () => {
    const result = await run('{"invoice": data.id, "cents": data.amount, "kind": type}', {
      "X-Event": "type",
      "X-Amount": "data.amount",
      "X-Nothing": "data.missing",
    });
    expect(result).toEqual({
      skipped: false,
      body: '{"invoice":"inv_1","cents":4200,"kind":"invoice.paid"}',
      headers: { "X-Event": "invoice.paid", "X-Amount": "4200" },
    });
  });

  it("any JSON value is a body; no result skips", async () => {
    expect(await run("data.amount")).toMatchObject({ skipped: false, body: "4200" });
    expect(await run("data.amount > 10000 ? data : undefined")).toEqual({ skipped: true });
    expect(await run("data.nothing.here")).toEqual({ skipped: true });
  });

  it("reports syntax errors with their position, at compile", () => {
    let error: unknown;
    try {
      compileTransformation({ language: "jsonata", expression: '{"a": data.id', headers: {} });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(TransformationError);
    expect((error as TransformationError).path).toBe("expression");
    expect((error as TransformationError).position).toBe(13);
    expect(() =>
      compileTransformation({ language: "jsonata", expression: "data", headers: { "X-A": "type +" } }),
    ).toThrow(expect.objectContaining({ path: "headers.X-A" }));
  });

  it("refuses regular expressions that can backtrack for ever, at compile and when built by $eval", async () => {
    expect(() => compileTransformation({ language: "jsonata", expression: "$match(data.id, /(a+)+$/)" })).toThrow(
      TransformationError,
    );
    const error = await failure(run('$eval("$match(\\"aaaa\\", /(a+)+$/)")'));
    expect(error.message).toMatch(/repetition/);
    expect(await run("$match(data.id, /inv_[0-9]+/).match")).toMatchObject({ body: '"inv_1"' });
  });

  it("stops a loop, a deep recursion and a huge range, each within about its time limit", async () => {
    for (const expression of [
      "( $loop := function($n) { $n > 0 ? $loop($n) : 0 }; $loop(1) )",
      "( $deep := function($n) { 1 + $deep($n + 1) }; $deep(1) )",
      "[1..10000000]",
      '$eval("( $f := function() { $f() }; $f() )")',
    ]) {
      const started = performance.now();
      const error = await failure(run(expression));
      expect(error.path).toBe("expression");
      // Generous: the machine is shared; an unbounded run would not end at all.
      expect(performance.now() - started).toBeLessThan(TIMEOUT_MS * 40);
    }
  });

  it("one deadline for body and headers together", async () => {
    const loop = "( $loop := function($n) { $n > 0 ? $loop($n) : 0 }; $loop(1) )";
    const error = await failure(run("data.id", { "X-Slow": loop }));
    expect(error.path).toBe("headers.X-Slow");
    expect(error.message).toMatch(/50 ms|timeout/i);
  });

  it("fails a throwing expression, a body over the limit and a bad header value", async () => {
    expect((await failure(run('$error("no invoices today")'))).message).toBe("no invoices today");
    expect((await failure(run("$pad('', 2000, 'x')", undefined, 1_000))).message).toMatch(/payload limit/);
    expect((await failure(run("data", { "X-A": "data.customer" }))).path).toBe("headers.X-A");
    expect((await failure(run("data", { "X-A": '"a\\nb"' }))).message).toMatch(/one line/);
  });

  it("refuses reserved headers at save", () => {
    for (const name of ["webhook-id", "Webhook-Anything", "content-type", "authorization"]) {
      const parsed = ZTransformation.safeParse({
        language: "jsonata",
        expression: "data",
        headers: { [name]: "type" },
      });
      expect(parsed.success, name).toBe(false);
    }
    expect(
      ZTransformation.safeParse({ language: "jsonata", expression: "data", headers: { "X-Ok": "type" } }).success,
    ).toBe(true);
  });
});
