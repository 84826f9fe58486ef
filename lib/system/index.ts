export { getSystemStatus } from "./get-system-status";
export { listTenantUsage } from "./list-tenant-usage";
