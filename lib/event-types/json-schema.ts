// JSON Schema (draft 2020-12) with ajv: checking that a schema is a schema when an operator saves
// it, and validating payloads at publish time. Compiled validators are cached per event type and
// version (its updatedAt), so publishing does not recompile a schema per message.
import "server-only";
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { processState } from "@/lib/process-state";

function createAjv(): Ajv2020 {
  // strict: false — operators paste schemas from elsewhere; unknown keywords are not an error.
  const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: true });
  addFormats.default(ajv);
  return ajv;
}

// One compiler and one cache of compiled validators per process (lib/process-state.ts).
const ajv = processState("eventTypes.ajv", createAjv);
const cache = processState("eventTypes.validators", () => new Map<string, ValidateFunction>());

export interface SchemaIssue {
  path: string;
  message: string;
}

function toIssues(errors: ErrorObject[] | null | undefined, root: string): SchemaIssue[] {
  return (errors ?? []).map((error) => ({
    path: [root, ...error.instancePath.split("/").filter(Boolean)].join("."),
    message: error.message ?? "is invalid",
  }));
}

/** Problems that make `schema` unusable as a draft 2020-12 JSON Schema (empty when it is fine). */
export function checkJsonSchema(schema: unknown): SchemaIssue[] {
  if (!ajv.validateSchema(schema as object)) return toIssues(ajv.errors, "schema");
  try {
    ajv.compile(schema as object);
    return [];
  } catch (error) {
    return [{ path: "schema", message: (error as Error).message }];
  }
}

/** Validates `value` against `schema`; `cacheKey` identifies the schema's version. */
export function validateAgainstSchema(
  schema: object,
  value: unknown,
  cacheKey: string,
  root = "payload",
): SchemaIssue[] {
  let validate = cache.get(cacheKey);
  if (!validate) {
    validate = ajv.compile(schema);
    if (cache.size > 1_000) cache.clear();
    cache.set(cacheKey, validate);
  }
  return validate(value) ? [] : toIssues(validate.errors, root);
}
