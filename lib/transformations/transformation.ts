// Endpoint transformations: a JSONata expression (the `jsonata` package) turns the event
// envelope into the body actually sent, and optional header expressions give header values.
// Checked for syntax at save (with the position of the error), compiled once per endpoint
// version (transformation-cache.ts), and evaluated under bounds, since an expression is code a
// tenant wrote and the worker runs it between other tenants' deliveries:
// - time: one budget for the body and all header expressions together, TIMEOUT_MS of CPU,
//   checked by JSONata's own evaluation hook at every step, so a loop or a runaway recursion is
//   aborted (JSONata's evaluation is promise-based but never waits for I/O: it runs as one
//   stretch of microtasks, so only a check inside it can end it). The clock is read at every
//   step; the process's CPU time only once TIMEOUT_MS of wall time have passed, so a busy machine
//   that delays a cheap expression does not fail it, and HARD_TIMEOUT_MS of wall time end it
//   whatever the load;
// - depth (STACK_DEPTH) and sequence length (MAX_SEQUENCE), JSONata's guardrails, so a
//   recursion or a range cannot exhaust memory before the clock notices;
// - regular expressions: a pattern with nested repetition (catastrophic backtracking, which no
//   step check can interrupt) is refused, at save and when it is built (also through $eval);
// - output: at most the payload limit.
// Evaluation is in-process: a worker thread per call would cost more CPU than the whole try.
import jsonata from "jsonata";
import safeRegex from "safe-regex2";
import type { TTransformation } from "@/lib/schemas/policies";

export const TIMEOUT_MS = 50;
const HARD_TIMEOUT_MS = 1_000;
const STACK_DEPTH = 250;
const MAX_SEQUENCE = 1_000_000;
const MAX_HEADER_VALUE = 1_000;
const BUDGET = "__hooklineBudget";

/** One run's time budget (a binding of each evaluation: one compiled expression serves concurrent runs). */
interface Budget {
  startedAt: number;
  cpuAtStart: NodeJS.CpuUsage;
}

/** Why a transformation could not be saved or did not give a body; `position` is a character offset. */
export class TransformationError extends Error {
  override name = "TransformationError";
  constructor(
    message: string,
    /** Which expression: `expression` or `headers.<name>`. */
    readonly path: string,
    readonly position: number | null = null,
  ) {
    super(message);
  }
}

interface JsonataFailure {
  code?: string;
  message?: string;
  position?: number;
}

function unsafePattern(source: string): JsonataFailure {
  return {
    code: "HL0001",
    message: `The regular expression /${source.slice(0, 60)}/ repeats a repetition (as in (a+)+), which can take exponential time; simplify it`,
  };
}

// Every regular expression an expression builds goes through here (JSONata's RegexEngine option).
class SafeRegExp extends RegExp {
  constructor(pattern: string | RegExp, flags?: string) {
    const source = typeof pattern === "string" ? pattern : pattern.source;
    if (!safeRegex(source)) throw unsafePattern(source);
    super(pattern, flags);
  }
}

function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1_000;
}

// Checked at every evaluation step.
function guard(_expr: unknown, _input: unknown, environment: jsonata.Environment): void {
  const budget = environment.lookup(BUDGET) as Budget | undefined;
  if (!budget) return;
  const elapsed = performance.now() - budget.startedAt;
  if (elapsed <= TIMEOUT_MS) return;
  if (elapsed > HARD_TIMEOUT_MS || cpuMsSince(budget.cpuAtStart) > TIMEOUT_MS)
    throw { code: "HL0002", message: `The transformation ran longer than ${TIMEOUT_MS} ms and was stopped` };
}

function describeFailure(error: unknown): { message: string; position: number | null } {
  const failure = (error ?? {}) as JsonataFailure;
  if (error instanceof RangeError) return { message: "The transformation recursed too deeply", position: null };
  const message = typeof failure.message === "string" && failure.message ? failure.message : String(error);
  return { message, position: typeof failure.position === "number" ? failure.position : null };
}

function regexSources(node: unknown, found: string[] = []): string[] {
  if (node instanceof RegExp) found.push(node.source);
  else if (Array.isArray(node)) for (const item of node) regexSources(item, found);
  else if (node && typeof node === "object")
    for (const [key, value] of Object.entries(node)) if (key !== "position") regexSources(value, found);
  return found;
}

function compileOne(source: string, path: string): jsonata.Expression {
  let expression: jsonata.Expression;
  try {
    expression = jsonata(source, {
      stack: STACK_DEPTH,
      sequence: MAX_SEQUENCE,
      RegexEngine: SafeRegExp as unknown as RegExpConstructor,
    });
  } catch (error) {
    const { message, position } = describeFailure(error);
    throw new TransformationError(message, path, position);
  }
  for (const source of regexSources(expression.ast())) {
    if (!safeRegex(source)) throw new TransformationError(unsafePattern(source).message!, path);
  }
  expression.assign(Symbol.for("jsonata.__evaluate_entry") as unknown as string, guard);
  return expression;
}

export interface CompiledTransformation {
  body: jsonata.Expression;
  headers: Array<[name: string, expression: jsonata.Expression]>;
}

/** Compiles every expression; a syntax error throws a TransformationError naming it and its position. */
export function compileTransformation(transformation: TTransformation): CompiledTransformation {
  return {
    body: compileOne(transformation.expression, "expression"),
    headers: Object.entries(transformation.headers ?? {}).map(([name, source]) => [
      name,
      compileOne(source, `headers.${name}`),
    ]),
  };
}

/** What every expression reads: the envelope, plus the message's channels and tags when it has any. */
export interface TransformationInput {
  type: string;
  timestamp: string;
  data: unknown;
  /** The message's channels and tags, when it has any. */
  channels?: readonly string[];
  tags?: readonly string[];
}

export type TransformationResult =
  /** No result: the message is skipped for this endpoint. */
  { skipped: true } | { skipped: false; body: string; headers: Record<string, string> };

async function evaluate(
  expression: jsonata.Expression,
  input: TransformationInput,
  budget: Budget,
  path: string,
): Promise<unknown> {
  try {
    return await expression.evaluate(input, { [BUDGET]: budget });
  } catch (error) {
    const { message, position } = describeFailure(error);
    throw new TransformationError(message, path, position);
  }
}

/** JSON text of a result, or null when it is a function or otherwise not JSON. */
function toJson(value: unknown): string | null {
  try {
    return JSON.stringify(value) ?? null;
  } catch {
    return null;
  }
}

/**
 * Runs a compiled transformation on one message, within TIMEOUT_MS (CPU) for all its expressions.
 * Throws TransformationError when an expression fails, runs out of time, or gives a body over
 * `maxBytes` or a header value that is not a short single-line text.
 */
export async function runTransformation(
  compiled: CompiledTransformation,
  input: TransformationInput,
  maxBytes: number,
): Promise<TransformationResult> {
  const budget: Budget = { startedAt: performance.now(), cpuAtStart: process.cpuUsage() };
  const result = await evaluate(compiled.body, input, budget, "expression");
  if (result === undefined) return { skipped: true };
  const body = toJson(result);
  if (body === null) throw new TransformationError("The result is not JSON (a function?)", "expression");
  if (Buffer.byteLength(body) > maxBytes)
    throw new TransformationError(`The result is larger than the payload limit of ${maxBytes} bytes`, "expression");
  const headers: Record<string, string> = {};
  for (const [name, expression] of compiled.headers) {
    const value = await evaluate(expression, input, budget, `headers.${name}`);
    if (value === undefined) continue;
    if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean")
      throw new TransformationError("A header's value must be a string, number or boolean", `headers.${name}`);
    const text = String(value);
    if (/[\r\n\0]/.test(text) || text.length > MAX_HEADER_VALUE)
      throw new TransformationError(
        `A header's value must be one line of at most ${MAX_HEADER_VALUE} characters`,
        `headers.${name}`,
      );
    headers[name] = text;
  }
  return { skipped: false, body, headers };
}
