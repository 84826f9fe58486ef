export { createTenant } from "./create-tenant";
export { getTenant } from "./get-tenant";
export { getTenantSummary } from "./get-tenant-summary";
export { listTenants } from "./list-tenants";
export { listTenantNames } from "./list-tenant-names";
export { toTenantView, type TenantView } from "./tenant-view";
export { updateTenant } from "./update-tenant";
