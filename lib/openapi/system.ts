// The operator's view of the whole installation.
// Each entry is the operation's one declaration: see lib/openapi/api-operation.ts.
import { zPage } from "@/lib/schemas/common";
import { ZSystemStatus, ZTenantUsageView } from "@/lib/schemas/system";
import { ZListTenantsQuery } from "@/lib/schemas/tenants";
import { defineOperation } from "./api-operation";
import { ok } from "./catalog-helpers";

export const getSystemStatus = defineOperation({
  operationId: "getSystemStatus",
  method: "get",
  path: "/system",
  tag: "System",
  summary: "System status",
  description:
    "The queue right now (due, scheduled retries, sending), the oldest due delivery, deliveries of the last 24 hours by status, attempts per minute over the last hour, the workers with their last heartbeat (stale ones flagged) and the failing endpoints.",
  access: "platform",
  cacheControl: "no-store",
  responses: [ok("The status.", ZSystemStatus)],
});

export const listTenantUsage = defineOperation({
  operationId: "listTenantUsage",
  method: "get",
  path: "/system/tenants",
  tag: "System",
  summary: "List tenants with usage",
  description: "Each tenant with its number of endpoints, messages published in the last 24 hours and members.",
  access: "platform",
  query: ZListTenantsQuery,
  responses: [ok("A page of tenants with usage counts.", zPage(ZTenantUsageView))],
});

/** Answers named in the document's components.schemas. */
export const views = {
  SystemStatus: ZSystemStatus,
  TenantUsage: ZTenantUsageView,
};
