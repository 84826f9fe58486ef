// Query strings through zod, like bodies: `?limit=abc` is a 422 naming `limit`, never a 500, and
// an unknown parameter (`?eventtype=`) is a 422 naming it rather than a filter silently ignored.
// A parameter given twice keeps its last value.
import { ZodError, type z } from "zod";
import { AppError } from "@/lib/errors";
import { validationMessage, zodDetails } from "./handle-api-error";

export function parseQuery<Schema extends z.ZodType>(request: Request, schema: Schema): z.output<Schema> {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  try {
    return schema.parse(params);
  } catch (error) {
    if (!(error instanceof ZodError)) throw error;
    throw new AppError("validation_failed", validationMessage(error, "query parameter"), zodDetails(error));
  }
}
