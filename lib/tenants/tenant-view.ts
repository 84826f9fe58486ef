import type { z } from "zod";
import type { Tenant } from "@/lib/generated/prisma/client";
import { ZPortalSettings } from "@/lib/schemas/portal";
import type { ZTenantView } from "@/lib/schemas/tenants";

export type TenantView = z.infer<typeof ZTenantView>;

export function toTenantView(tenant: Tenant): TenantView {
  return {
    id: tenant.id,
    name: tenant.name,
    retentionDays: tenant.retentionDays,
    apiRateLimit: tenant.apiRateLimit,
    portal: tenant.portalSettings === null ? null : ZPortalSettings.catch({}).parse(tenant.portalSettings),
    createdAt: tenant.createdAt.toISOString(),
    updatedAt: tenant.updatedAt.toISOString(),
  };
}
