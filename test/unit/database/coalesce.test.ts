import { describe, expect, it } from "vitest";
import { coalesce, isStatementError } from "@/lib/database/coalesce";

/** A fake statement: records each run's inputs, answers when released. */
function fakeStatement(fail?: (inputs: number[]) => unknown) {
  const runs: number[][] = [];
  const releases: Array<() => void> = [];
  const run = (inputs: number[]) => {
    runs.push(inputs);
    return new Promise<number[]>((resolve, reject) =>
      releases.push(() => {
        const error = fail?.(inputs);
        if (error) reject(error);
        else resolve(inputs.map((input) => input * 10));
      }),
    );
  };
  const releaseAll = async () => {
    while (releases.length) {
      releases.shift()!();
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  return { run, runs, releaseAll };
}

const sqlError = (code: string) => Object.assign(new Error(`sqlstate ${code}`), { code });

describe("coalesce", () => {
  it("should run a call at once while fewer than maxInFlight runs are out", () => {
    const statement = fakeStatement();
    const call = coalesce({ run: statement.run, maxInFlight: 2, maxBatch: 10 });
    void call(1);
    void call(2);
    expect(statement.runs).toEqual([[1], [2]]);
  });

  it("should gather the calls that arrive meanwhile into one run, in order, each with its own answer", async () => {
    const statement = fakeStatement();
    const call = coalesce({ run: statement.run, maxInFlight: 1, maxBatch: 10 });
    const answers = [1, 2, 3, 4].map((input) => call(input));
    expect(statement.runs).toEqual([[1]]);
    await statement.releaseAll();
    expect(statement.runs).toEqual([[1], [2, 3, 4]]);
    expect(await Promise.all(answers)).toEqual([10, 20, 30, 40]);
  });

  it("should never put more than maxBatch calls in one run", async () => {
    const statement = fakeStatement();
    const call = coalesce({ run: statement.run, maxInFlight: 1, maxBatch: 2 });
    const answers = [1, 2, 3, 4, 5].map((input) => call(input));
    await statement.releaseAll();
    expect(statement.runs).toEqual([[1], [2, 3], [4, 5]]);
    expect(await Promise.all(answers)).toEqual([10, 20, 30, 40, 50]);
  });

  it("should run every call of a refused shared statement again alone, so only the bad one fails", async () => {
    const statement = fakeStatement((inputs) => (inputs.includes(3) ? sqlError("23503") : undefined));
    const call = coalesce({ run: statement.run, maxInFlight: 1, maxBatch: 10 });
    const answers = [1, 2, 3, 4].map((input) =>
      call(input).then(
        (value) => ({ value }),
        (error: Error) => ({ error: error.message }),
      ),
    );
    await statement.releaseAll();
    expect(statement.runs).toEqual([[1], [2, 3, 4], [2], [3], [4]]);
    expect(await Promise.all(answers)).toEqual([
      { value: 10 },
      { value: 20 },
      { error: "sqlstate 23503" },
      { value: 40 },
    ]);
  });

  it("should not run again after a connection failure (the write may have committed): every caller gets the error", async () => {
    const statement = fakeStatement((inputs) => (inputs.length > 1 ? sqlError("08006") : undefined));
    const call = coalesce({ run: statement.run, maxInFlight: 1, maxBatch: 10 });
    const answers = [1, 2, 3].map((input) =>
      call(input).then(
        () => "ok",
        (error: Error) => error.message,
      ),
    );
    await statement.releaseAll();
    expect(statement.runs).toEqual([[1], [2, 3]]);
    expect(await Promise.all(answers)).toEqual(["ok", "sqlstate 08006", "sqlstate 08006"]);
  });

  it("should keep going after a failed run", async () => {
    let first = true;
    const statement = fakeStatement(() => (first ? ((first = false), new Error("boom")) : undefined));
    const call = coalesce({ run: statement.run, maxInFlight: 1, maxBatch: 10 });
    const failed = call(1).catch((error: Error) => error.message);
    const later = call(2);
    await statement.releaseAll();
    expect(await failed).toBe("boom");
    expect(await later).toBe(20);
  });

  it("should tell a refused statement from a lost connection", () => {
    expect(isStatementError(sqlError("23505"))).toBe(true);
    expect(isStatementError(sqlError("22P02"))).toBe(true);
    expect(isStatementError(sqlError("08006"))).toBe(false);
    expect(isStatementError(sqlError("57P01"))).toBe(false);
    expect(isStatementError(Object.assign(new Error("reset"), { code: "ECONNRESET" }))).toBe(false);
    expect(isStatementError(new Error("no code"))).toBe(false);
  });
});
