export { createTenant } from "./create-tenant";
export { getTenant } from "./get-tenant";
export { listTenants } from "./list-tenants";
export { toTenantView, type TenantView } from "./tenant-view";
export { updateTenant } from "./update-tenant";
