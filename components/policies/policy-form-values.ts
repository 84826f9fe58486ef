// The endpoint form's delivery-policy part: its retry schedule (text, empty = inherited) and its
// transformation (a JSONata expression and header expressions). Browser checks mirror the API's
// (lib/queue/retry-schedule.ts, lib/schemas/policies.ts); the syntax is the API's to check.
import { isReservedTransformationHeader, TRANSFORMATION_LIMITS, type TTransformation } from "@/lib/schemas/policies";
import { HEADER_NAME } from "@/lib/schemas/endpoint-rules";
import { parseScheduleText, scheduleText } from "./retry-schedule-field";

export interface TransformationHeaderRow {
  /** Stable identity of the row (React key, error path); never sent. */
  id: string;
  name: string;
  expression: string;
}

export interface PolicyFormValues {
  retrySchedule: string;
  transform: boolean;
  expression: string;
  headers: TransformationHeaderRow[];
}

let rowCounter = 0;
export const newTransformationHeader = (name = "", expression = ""): TransformationHeaderRow => ({
  id: `transformation-header-${++rowCounter}`,
  name,
  expression,
});

export const EXAMPLE_EXPRESSION = '{\n  "event": type,\n  "id": data.id,\n  "amount": data.amount\n}';

export function initialPolicyValues(
  endpoint?: { retrySchedule: string[] | null; transformation: TTransformation | null } | null,
): PolicyFormValues {
  const transformation = endpoint?.transformation ?? null;
  return {
    retrySchedule: scheduleText(endpoint?.retrySchedule),
    transform: transformation !== null,
    expression: transformation?.expression ?? EXAMPLE_EXPRESSION,
    headers: Object.entries(transformation?.headers ?? {}).map(([name, expression]) =>
      newTransformationHeader(name, expression),
    ),
  };
}

/** The transformation as the API takes it (null: none). */
export function transformationOf(values: PolicyFormValues): TTransformation | null {
  if (!values.transform) return null;
  const headers = values.headers.filter((row) => row.name.trim());
  return {
    language: "jsonata",
    expression: values.expression,
    ...(headers.length ? { headers: Object.fromEntries(headers.map((row) => [row.name.trim(), row.expression])) } : {}),
  };
}

export function validatePolicies(values: PolicyFormValues, errors: Record<string, string>): void {
  const schedule = parseScheduleText(values.retrySchedule);
  if ("error" in schedule) errors.retrySchedule = schedule.error;
  if (!values.transform) return;
  if (!values.expression.trim())
    errors["transformation.expression"] = "Enter an expression, or turn the transformation off.";
  else if (values.expression.length > TRANSFORMATION_LIMITS.expressionMaxLength)
    errors["transformation.expression"] = `Use at most ${TRANSFORMATION_LIMITS.expressionMaxLength} characters.`;
  const seen = new Set<string>();
  for (const row of values.headers) {
    const name = row.name.trim();
    if (!name && !row.expression.trim()) continue;
    const path = `transformation.headers.${row.id}`;
    if (!name) errors[`${path}.name`] = "Give the header a name.";
    else if (!HEADER_NAME.test(name)) errors[`${path}.name`] = "Use letters, digits and - only.";
    else if (isReservedTransformationHeader(name)) errors[`${path}.name`] = "Hookline sets this header itself.";
    else if (seen.has(name.toLowerCase())) errors[`${path}.name`] = "This header is already in the list.";
    seen.add(name.toLowerCase());
    if (!row.expression.trim()) errors[`${path}.expression`] = "Enter the expression that gives its value.";
  }
}

/** The POST/PATCH fields. */
export function policyBody(values: PolicyFormValues) {
  const schedule = parseScheduleText(values.retrySchedule);
  return {
    retrySchedule: "error" in schedule ? null : schedule.value,
    transformation: transformationOf(values),
  };
}

/** Places an API field error of the policy part in the form; false when it is not one of ours. */
export function policyErrorFromApi(
  path: string,
  message: string,
  values: PolicyFormValues,
  errors: Record<string, string>,
): boolean {
  const [head, ...rest] = path.split(".");
  if (head === "retrySchedule") {
    errors.retrySchedule = rest.length ? `Step ${Number(rest[0]) + 1} ${message}.` : message;
    return true;
  }
  if (head !== "transformation") return false;
  if (rest[0] === "headers" && rest.length > 1) {
    const name = rest.slice(1).join(".");
    const row = values.headers.find((candidate) => candidate.name.trim() === name);
    errors[row ? `transformation.headers.${row.id}.expression` : "transformation.expression"] = row
      ? message
      : `${name}: ${message}`;
  } else errors["transformation.expression"] = message;
  return true;
}
