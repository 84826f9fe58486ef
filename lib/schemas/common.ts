// Small zod pieces shared by the API schemas.
import { z } from "zod";
import { isId, type IdKind } from "@/lib/ids";

/** An id of one kind (`msg_…`); anything else is a validation error, before any query runs. */
export const zId = (kind: IdKind) => z.string().refine((value) => isId(kind, value), { message: `must be a ${kind} id` });

/** `invoice.paid`, `customer.created`, `order.line_item.updated`: dotted words. */
export const EVENT_TYPE_NAME = /^[a-z0-9][a-z0-9_-]*(\.[a-z0-9][a-z0-9_-]*)*$/i;
export const zEventTypeName = z
  .string()
  .min(1)
  .max(100)
  .regex(EVENT_TYPE_NAME, "must be dotted words of letters, digits, _ and -, like invoice.paid");

/** A JSON object (not an array, string or null). */
export const zJsonObject = z.record(z.string(), z.unknown());
