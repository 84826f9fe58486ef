import { z } from "zod";
import { zEventTypeName, zJsonObject } from "./common";

export const ZIdempotencyKey = z.string().min(1).max(255).regex(/^[\x21-\x7e]+$/, "must be printable ASCII without spaces");

export const ZPublishMessage = z.object({
  eventType: zEventTypeName,
  payload: zJsonObject,
  idempotencyKey: ZIdempotencyKey.optional(),
});
export type TPublishMessage = z.infer<typeof ZPublishMessage>;

export const MAX_BATCH = 100;

export const ZPublishBatch = z.object({
  messages: z.array(ZPublishMessage).min(1).max(MAX_BATCH),
});
export type TPublishBatch = z.infer<typeof ZPublishBatch>;
