// API keys: a tenant's, or platform-wide ones.
// Each entry is the operation's one declaration: see lib/openapi/api-operation.ts.
import { ZApiKeyView, ZCreateApiKey, ZCreatedApiKey, ZListApiKeysQuery } from "@/lib/schemas/api-keys";
import { zPage } from "@/lib/schemas/common";
import { defineOperation } from "./api-operation";
import { ok, created } from "./catalog-helpers";

export const listApiKeys = defineOperation({
  operationId: "listApiKeys",
  method: "get",
  path: "/api-keys",
  tag: "API keys",
  summary: "List API keys",
  description:
    "A tenant's keys (tenantId, or the calling key's tenant); platform callers naming no tenant see every key.",
  access: "read",
  query: ZListApiKeysQuery,
  tenantFrom: "request",
  responses: [ok("A page of keys (never the keys themselves).", zPage(ZApiKeyView))],
});

export const createApiKey = defineOperation({
  operationId: "createApiKey",
  method: "post",
  path: "/api-keys",
  tag: "API keys",
  summary: "Create an API key",
  description:
    "The key is in this answer only. A tenant key's role is at most the creator's; without tenantId (operators only) the key is platform-wide.",
  access: "write",
  body: ZCreateApiKey,
  tenantFrom: "request",
  responses: [created("The key, shown once.", ZCreatedApiKey)],
});

export const getApiKey = defineOperation({
  operationId: "getApiKey",
  method: "get",
  path: "/api-keys/{key}",
  tag: "API keys",
  summary: "Get an API key",
  access: "read",
  tenantFrom: "request",
  responses: [ok("The key's metadata.", ZApiKeyView)],
});

export const revokeApiKey = defineOperation({
  operationId: "revokeApiKey",
  method: "delete",
  path: "/api-keys/{key}",
  tag: "API keys",
  summary: "Revoke an API key",
  access: "write",
  tenantFrom: "request",
  responses: [ok("The revoked key.", ZApiKeyView)],
});

/** Answers named in the document's components.schemas. */
export const views = {
  ApiKey: ZApiKeyView,
  CreatedApiKey: ZCreatedApiKey,
};
