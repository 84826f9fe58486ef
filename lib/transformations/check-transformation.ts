// The check at save: every expression must compile (syntax, safe regular expressions). A
// failure is a 422 naming the expression and the character position of the error.
import { AppError } from "@/lib/errors";
import type { TTransformation } from "@/lib/schemas/policies";
import { compileTransformation, TransformationError } from "./transformation";

export function positioned(error: TransformationError): string {
  return error.position === null ? error.message : `${error.message} (at position ${error.position})`;
}

/** Throws a 422 `validation_failed` when an expression does not compile; `field` prefixes the path. */
export function assertTransformationCompiles(transformation: TTransformation, field = "transformation"): void {
  try {
    compileTransformation(transformation);
  } catch (error) {
    if (!(error instanceof TransformationError)) throw error;
    throw new AppError("validation_failed", "The transformation is not a valid JSONata expression.", [
      { path: `${field}.${error.path}`, message: positioned(error), position: error.position },
    ]);
  }
}
