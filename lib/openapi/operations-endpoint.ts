// Operational webhooks: Hookline's own events, delivered to the operator's operations endpoint.
// Each entry is the operation's one declaration: see lib/openapi/api-operation.ts.
import { ZEndpointView } from "@/lib/schemas/endpoints";
import { ZSetOperationsEndpoint } from "@/lib/schemas/operations";
import { defineOperation } from "./api-operation";
import { ok, noContent } from "./catalog-helpers";

export const getOperationsEndpoint = defineOperation({
  operationId: "getOperationsEndpoint",
  method: "get",
  path: "/operations/endpoint",
  tag: "Operations",
  summary: "Get the operations endpoint",
  description:
    "Where Hookline sends its operational events (endpoint.disabled, endpoint.enabled, endpoint.failing, endpoint.certificate_expiring, message.attempt.exhausted). It belongs to the system tenant; read its secret with that tenant's endpoint routes.",
  access: "platform",
  responses: [ok("The operations endpoint.", ZEndpointView)],
});

export const setOperationsEndpoint = defineOperation({
  operationId: "setOperationsEndpoint",
  method: "put",
  path: "/operations/endpoint",
  tag: "Operations",
  summary: "Set the operations endpoint",
  description: "Creates it (secret generated unless given) or changes its URL.",
  access: "platform",
  body: ZSetOperationsEndpoint,
  responses: [ok("The operations endpoint.", ZEndpointView)],
});

export const removeOperationsEndpoint = defineOperation({
  operationId: "removeOperationsEndpoint",
  method: "delete",
  path: "/operations/endpoint",
  tag: "Operations",
  summary: "Remove the operations endpoint",
  access: "platform",
  responses: [noContent("Removed.")],
});
