import { z } from "zod";
import { zEventTypeName, zJsonObject } from "./common";

export const ZCreateEventType = z.object({
  name: zEventTypeName,
  description: z.string().max(2_000).default(""),
  /** JSON Schema (draft 2020-12) that payloads of this type must match; null for none. */
  schema: zJsonObject.nullable().default(null),
  /** An example payload, shown in the docs and sent by "Send test event"; must match the schema. */
  example: zJsonObject.nullable().default(null),
});
export type TCreateEventType = z.input<typeof ZCreateEventType>;

export const ZUpdateEventType = ZCreateEventType.omit({ name: true }).partial();
export type TUpdateEventType = z.input<typeof ZUpdateEventType>;
