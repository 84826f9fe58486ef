// Tenants: the platform's customers, and their overview statistics.
// Each entry is the operation's one declaration: see lib/openapi/api-operation.ts.
import { zPage } from "@/lib/schemas/common";
import { ZTenantStats, ZTenantStatsQuery } from "@/lib/schemas/stats";
import { ZCreateTenant, ZListTenantsQuery, ZTenantView, ZUpdateTenant } from "@/lib/schemas/tenants";
import { defineOperation } from "./api-operation";
import { ok, created, TENANT } from "./catalog-helpers";

export const listTenants = defineOperation({
  operationId: "listTenants",
  method: "get",
  path: "/tenants",
  tag: "Tenants",
  summary: "List the tenants you can see",
  description: "Every tenant for the operator; a tenant key sees its own.",
  access: "authenticated",
  query: ZListTenantsQuery,
  responses: [ok("A page of tenants.", zPage(ZTenantView))],
});

export const createTenant = defineOperation({
  operationId: "createTenant",
  method: "post",
  path: "/tenants",
  tag: "Tenants",
  summary: "Create a tenant",
  access: "platform",
  body: ZCreateTenant,
  responses: [created("The tenant.", ZTenantView)],
});

export const getTenant = defineOperation({
  operationId: "getTenant",
  method: "get",
  path: TENANT,
  tag: "Tenants",
  summary: "Get a tenant",
  access: "read",
  responses: [ok("The tenant.", ZTenantView)],
});

export const updateTenant = defineOperation({
  operationId: "updateTenant",
  method: "patch",
  path: TENANT,
  tag: "Tenants",
  summary: "Update a tenant",
  description: "Owners may rename; retention and the API rate limit are the operator's.",
  access: "manage",
  body: ZUpdateTenant,
  responses: [ok("The tenant.", ZTenantView)],
});

export const getTenantStats = defineOperation({
  operationId: "getTenantStats",
  method: "get",
  path: `${TENANT}/stats`,
  tag: "Tenants",
  summary: "Tenant statistics",
  description:
    "Attempts, success rate and latency percentiles of all the tenant's endpoints (from the per-minute and per-hour rollups) and messages published, over a range in buckets of a minute, an hour or a day; and the deliveries queued right now.",
  access: "read",
  query: ZTenantStatsQuery,
  responses: [ok("Totals, a continuous series and the queue.", ZTenantStats)],
});

/** Answers named in the document's components.schemas. */
export const views = {
  Tenant: ZTenantView,
  TenantStats: ZTenantStats,
};
