// The OpenAPI document itself.
// Each entry is the operation's one declaration: see lib/openapi/api-operation.ts.
import { z } from "zod";
import { defineOperation } from "./api-operation";
import { ok } from "./catalog-helpers";

export const getOpenApiDocument = defineOperation({
  operationId: "getOpenApiDocument",
  method: "get",
  path: "/openapi.json",
  tag: "Docs",
  summary: "This document",
  description: "OpenAPI 3.1, with a `webhooks` section generated from the event-type catalog.",
  access: "public",
  cacheControl: "no-cache",
  responses: [ok("The OpenAPI document.", z.record(z.string(), z.unknown()))],
});
