// Query strings through zod, like bodies: `?limit=abc` is a 422 naming `limit`, never a 500.
// A parameter given twice keeps its last value.
import type { z } from "zod";

export function parseQuery<Schema extends z.ZodType>(request: Request, schema: Schema): z.output<Schema> {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  return schema.parse(params);
}
