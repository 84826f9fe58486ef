// Checks a real answer against what the OpenAPI document promises for that operation and
// status: the status must be documented, and the body must match its schema (ajv, draft
// 2020-12, the document's own components; answers are closed objects, so extra fields fail).
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import type { ApiOperation } from "@/lib/openapi";

type JsonObject = Record<string, unknown>;
const BASE = "https://hookline.test/openapi.json";

const escape = (segment: string) => segment.replaceAll("~", "~0").replaceAll("/", "~1");

export function responseChecker(document: JsonObject) {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  addFormats.default(ajv);
  ajv.addSchema({ ...document, $id: BASE });
  const compiled = new Map<string, ValidateFunction | null>();
  const paths = document.paths as Record<string, Record<string, { responses: Record<string, JsonObject> }>>;
  const components = (document.components as { responses: Record<string, JsonObject> }).responses;

  function validatorFor(operation: ApiOperation, status: number): ValidateFunction | null {
    const key = `${operation.operationId}:${status}`;
    if (compiled.has(key)) return compiled.get(key)!;
    const documented = paths[operation.path]?.[operation.method]?.responses[String(status)];
    if (!documented) throw new Error(`${operation.operationId} answered ${status}, which the document does not list`);
    const ref = documented.$ref as string | undefined;
    const response = ref ? components[ref.split("/").pop()!]! : documented;
    const pointer = ref
      ? `${BASE}#/components/responses/${ref.split("/").pop()}/content/application~1json/schema`
      : `${BASE}#/paths/${escape(operation.path)}/${operation.method}/responses/${status}/content/application~1json/schema`;
    const validate = response.content ? ajv.compile({ $ref: pointer }) : null;
    compiled.set(key, validate);
    return validate;
  }

  /** Throws, naming the problems, when the answer is not what the document says. */
  return function check(operation: ApiOperation, status: number, body: unknown): void {
    const validate = validatorFor(operation, status);
    if (!validate) {
      if (body !== null)
        throw new Error(
          `${operation.operationId} ${status}: documented without a body, answered ${JSON.stringify(body)}`,
        );
      return;
    }
    if (!validate(body)) {
      throw new Error(
        `${operation.operationId} ${status}: the answer does not match the documented schema: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(body).slice(0, 2_000)}`,
      );
    }
  };
}
