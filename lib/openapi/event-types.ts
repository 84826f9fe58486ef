// The event-type catalog (operators write it; everyone reads it).
// Each entry is the operation's one declaration: see lib/openapi/api-operation.ts.
import { zPage } from "@/lib/schemas/common";
import { ZCreateEventType, ZEventTypeView, ZListEventTypesQuery, ZUpdateEventType } from "@/lib/schemas/event-types";
import { defineOperation } from "./api-operation";
import { ok, created } from "./catalog-helpers";

export const listEventTypes = defineOperation({
  operationId: "listEventTypes",
  method: "get",
  path: "/event-types",
  tag: "Event types",
  summary: "List the event-type catalog",
  access: "authenticated",
  query: ZListEventTypesQuery,
  responses: [ok("A page of event types.", zPage(ZEventTypeView))],
});

export const createEventType = defineOperation({
  operationId: "createEventType",
  method: "post",
  path: "/event-types",
  tag: "Event types",
  summary: "Create an event type",
  description: "The schema must be a valid JSON Schema (draft 2020-12); the example must match it.",
  access: "platform",
  body: ZCreateEventType,
  responses: [created("The event type.", ZEventTypeView)],
  errors: [409],
});

export const getEventType = defineOperation({
  operationId: "getEventType",
  method: "get",
  path: "/event-types/{name}",
  tag: "Event types",
  summary: "Get an event type",
  access: "authenticated",
  responses: [ok("The event type.", ZEventTypeView)],
});

export const updateEventType = defineOperation({
  operationId: "updateEventType",
  method: "patch",
  path: "/event-types/{name}",
  tag: "Event types",
  summary: "Update an event type",
  access: "platform",
  body: ZUpdateEventType,
  responses: [ok("The event type.", ZEventTypeView)],
});

export const archiveEventType = defineOperation({
  operationId: "archiveEventType",
  method: "post",
  path: "/event-types/{name}/archive",
  tag: "Event types",
  summary: "Archive an event type",
  description: "Publishing it is refused from now on; its messages stay readable.",
  access: "platform",
  responses: [ok("The event type.", ZEventTypeView)],
});

export const unarchiveEventType = defineOperation({
  operationId: "unarchiveEventType",
  method: "post",
  path: "/event-types/{name}/unarchive",
  tag: "Event types",
  summary: "Unarchive an event type",
  access: "platform",
  responses: [ok("The event type.", ZEventTypeView)],
});

/** Answers named in the document's components.schemas. */
export const views = {
  EventType: ZEventTypeView,
};
