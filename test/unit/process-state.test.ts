// Process-wide state lives in lib/process-state.ts and nowhere else in the server code: the
// production web process loads it twice (Next's bundle and the publish fast path), so a
// module-level variable would silently exist once per copy. This test reads every module and
// fails on top-level mutable state outside that one module.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { afterEach, describe, expect, it } from "vitest";
import { dropProcessState, processState } from "@/lib/process-state";

const ROOT = path.resolve(import.meta.dirname, "../..");
/** The folders the web and worker processes load server code from. */
const SERVER_FOLDERS = ["lib"];
const SKIPPED = ["lib/generated/"];
const STATE_MODULE = "lib/process-state.ts";
/** Collections that exist to be filled; `new` of anything else at the top level is reported too. */
const COLLECTIONS = /^(Map|Set|WeakMap|WeakSet|Array|AsyncLocalStorage)$/;
const IMMUTABLE_CONSTRUCTORS = /^(RegExp|URL|TextEncoder|TextDecoder|Intl\.\w+)$/;
/** Factories whose result holds state (queues, caches). */
const STATEFUL_FACTORIES = /^(coalesce)$/;

function serverModules(): string[] {
  return SERVER_FOLDERS.flatMap((folder) =>
    readdirSync(path.join(ROOT, folder), { recursive: true, encoding: "utf8" })
      .map((file) => path.posix.join(folder, file.split(path.sep).join("/")))
      .filter((file) => /\.tsx?$/.test(file) && !SKIPPED.some((skip) => file.startsWith(skip))),
  );
}

function isReadonlyType(type: ts.TypeNode | undefined, source: ts.SourceFile): boolean {
  if (!type) return false;
  if (ts.isTypeOperatorNode(type) && type.operator === ts.SyntaxKind.ReadonlyKeyword) return true;
  return /^Readonly(Set|Map|Array)?\b/.test(type.getText(source));
}

/** The top-level declarations of `file` that hold mutable state, as "name: why". */
export function topLevelState(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    const isConst = (statement.declarationList.flags & ts.NodeFlags.Const) !== 0;
    for (const declaration of statement.declarationList.declarations) {
      const name = declaration.name.getText(source);
      if (!isConst) {
        found.push(`${name}: a top-level let/var`);
        continue;
      }
      const initializer = declaration.initializer;
      if (!initializer || isReadonlyType(declaration.type, source)) continue;
      const visit = (node: ts.Node): void => {
        if (ts.isFunctionLike(node)) return; // state made per call is not process state
        if (ts.isNewExpression(node)) {
          const constructor = node.expression.getText(source);
          if (COLLECTIONS.test(constructor) || !IMMUTABLE_CONSTRUCTORS.test(constructor))
            found.push(`${name}: new ${constructor}`);
        } else if (ts.isCallExpression(node) && STATEFUL_FACTORIES.test(node.expression.getText(source))) {
          found.push(`${name}: ${node.expression.getText(source)}(…)`);
        } else if (node === initializer && ts.isArrayLiteralExpression(node) && node.elements.length === 0) {
          found.push(`${name}: an empty array to fill`);
        }
        if (!(ts.isCallExpression(node) && node.expression.getText(source) === "processState"))
          ts.forEachChild(node, visit);
      };
      visit(initializer);
    }
  }
  return found;
}

describe("process-wide state", () => {
  it("should keep top-level mutable state in lib/process-state.ts only", () => {
    const offenders = serverModules()
      .filter((file) => file !== STATE_MODULE)
      .flatMap((file) =>
        topLevelState(file, readFileSync(path.join(ROOT, file), "utf8")).map((what) => `${file}: ${what}`),
      );
    expect(offenders).toEqual([]);
  });

  it("should find the kinds of state it is meant to find", () => {
    const text = `
      let last = 0;
      const cache = new Map<string, number>();
      const queue: string[] = [];
      const shared = coalesce({ run, maxInFlight: 3, maxBatch: 32 });
      const nested = { seen: new Set<string>() };
      const NAMES: ReadonlySet<string> = new Set(["a"]);
      const PATTERN = new RegExp("x");
      const TABLE = [{ name: "a", tags: [] }];
      const one = processState("one", () => new Map());
      function local() { const perCall = new Map(); let count = 0; return [perCall, count]; }
    `;
    expect(topLevelState("example.ts", text)).toEqual([
      "last: a top-level let/var",
      "cache: new Map",
      "queue: an empty array to fill",
      "shared: coalesce(…)",
      "nested: new Set",
    ]);
  });

  it("should give each name one owner", () => {
    const names = serverModules().flatMap((file) =>
      [...readFileSync(path.join(ROOT, file), "utf8").matchAll(/\bprocessState(?:<[^>]*>)?\(\s*"([^"]+)"/g)].map(
        (match) => match[1],
      ),
    );
    expect(names.length).toBeGreaterThan(10);
    expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
  });
});

describe("processState", () => {
  afterEach(() => {
    dropProcessState("test.counter");
  });

  it("should create a value once and hand every caller the same one", () => {
    let created = 0;
    const make = () => ({ id: ++created });
    const first = processState("test.counter", make);
    expect(processState("test.counter", make)).toBe(first);
    expect(created).toBe(1);
  });

  it("should be shared by a second copy of the module (as the web process loads lib/ twice)", async () => {
    const url = new URL("../../lib/process-state.ts", import.meta.url);
    url.searchParams.set("copy", "2");
    const copy = (await import(/* @vite-ignore */ url.href)) as typeof import("@/lib/process-state");
    expect(copy.processState).not.toBe(processState);
    const value = processState("test.counter", () => ({ id: 1 }));
    expect(copy.processState("test.counter", () => ({ id: 2 }))).toBe(value);
  });

  it("should make a new value after the old one was dropped, and store nothing when creation fails", () => {
    const first = processState("test.counter", () => ({ id: 1 }));
    expect(dropProcessState("test.counter")).toBe(first);
    expect(() =>
      processState("test.counter", () => {
        throw new Error("no database");
      }),
    ).toThrow("no database");
    expect(processState("test.counter", () => ({ id: 2 }))).toEqual({ id: 2 });
  });
});
