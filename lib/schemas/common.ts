// Small zod pieces shared by the API schemas: ids, times, pages and the error body.
import { z } from "zod";
import { ID_PREFIXES, type IdKind } from "@/lib/ids";

/**
 * An id of one kind (`msg_…`); anything else is a validation error, before any query runs. A
 * regex rather than a refine, so that the OpenAPI document shows the pattern.
 */
export const zId = (kind: IdKind) =>
  z
    .string()
    .regex(
      new RegExp(`^${ID_PREFIXES[kind]}_[0-9A-HJKMNP-TV-Z]{26}$`),
      `must be a ${kind} id (${ID_PREFIXES[kind]}_…)`,
    );

/** `invoice.paid`, `customer.created`, `order.line_item.updated`: dotted words. */
export const EVENT_TYPE_NAME = /^[a-z0-9][a-z0-9_-]*(\.[a-z0-9][a-z0-9_-]*)*$/i;
export const zEventTypeName = z
  .string()
  .min(1)
  .max(100)
  .regex(EVENT_TYPE_NAME, "must be dotted words of letters, digits, _ and -, like invoice.paid");

/** A JSON object (not an array, string or null). */
export const zJsonObject = z.record(z.string(), z.unknown());

/** A time sent by a client (any offset), handed to lib/ as a Date. */
export const zTimeInput = z.iso.datetime({ offset: true }).transform((value) => new Date(value));

/** A time in an answer: always UTC with milliseconds, as Date.toISOString writes it. */
export const zTime = z.iso.datetime();

export const zRole = z.enum(["owner", "admin", "viewer"]);

export const MAX_PAGE_SIZE = 250;
export const DEFAULT_PAGE_SIZE = 50;

/**
 * `?limit=&cursor=` of every list. The cursor is the last id of the previous page, so it is
 * validated as an id of the listed kind: a bad cursor is a 422 naming `cursor`, never a 500.
 */
export const zPageQuery = (kind: IdKind) =>
  z.strictObject({
    limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
    cursor: zId(kind).optional(),
  });

/** The answer of every list: newest first, `nextCursor` null on the last page. */
export const zPage = <Item extends z.ZodType>(item: Item) =>
  z.object({ data: z.array(item), nextCursor: z.string().nullable() });

/** `?flag=true|false` in a query string. */
export const zBooleanQuery = z.enum(["true", "false"]).transform((value) => value === "true");

export const ZErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
    requestId: z.string().optional(),
  }),
});

type WithoutDefaults<Shape extends z.ZodRawShape> = {
  [Key in keyof Shape]: Shape[Key] extends z.ZodDefault<infer Inner> ? Inner : Shape[Key];
};

/**
 * The PATCH form of a create schema: every field optional and none defaulted. (`.partial()`
 * alone keeps the defaults, so a PATCH naming one field would reset all the others.) Strict,
 * like every request body: an unknown field is a 422 naming it.
 */
export function patchOf<Shape extends z.ZodRawShape>(schema: z.ZodObject<Shape>) {
  const shape = Object.fromEntries(
    Object.entries(schema.shape).map(([key, field]) => [key, field instanceof z.ZodDefault ? field.unwrap() : field]),
  );
  return z.strictObject(shape as WithoutDefaults<Shape>).partial();
}
