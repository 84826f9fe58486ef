import { z } from "zod";
import { zRetrySchedule, zRetryScheduleView } from "./policies";
import { patchOf, zBooleanQuery, zEventTypeName, zId, zJsonObject, zPageQuery, zTime } from "./common";

export const ZCreateEventType = z.strictObject({
  name: zEventTypeName,
  description: z.string().max(2_000).default(""),
  /** JSON Schema (draft 2020-12) that payloads of this type must match; null for none. */
  schema: zJsonObject.nullable().default(null),
  /** An example payload, shown in the docs and sent by "Send test event"; must match the schema. */
  example: zJsonObject.nullable().default(null),
  /** Retry delays for messages of this type (an endpoint's own schedule wins); null inherits the default. */
  retrySchedule: zRetrySchedule.default(null),
});
export type TCreateEventType = z.input<typeof ZCreateEventType>;

export const ZUpdateEventType = patchOf(ZCreateEventType.omit({ name: true }));
export type TUpdateEventType = z.input<typeof ZUpdateEventType>;

export const ZListEventTypesQuery = zPageQuery("eventType").extend({
  /** Archived types are left out unless asked for. */
  includeArchived: zBooleanQuery.default(false),
});

export const ZEventTypeView = z.object({
  id: zId("eventType"),
  name: z.string(),
  description: z.string(),
  schema: zJsonObject.nullable(),
  example: zJsonObject.nullable(),
  retrySchedule: zRetryScheduleView,
  archived: z.boolean(),
  archivedAt: zTime.nullable(),
  createdAt: zTime,
  updatedAt: zTime,
});
