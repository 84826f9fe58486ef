import "server-only";
import { assertPlatform } from "@/lib/auth/authorize-tenant";
import type { Principal } from "@/lib/auth/principal";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { ZUpdateTenant, type TUpdateTenant } from "@/lib/schemas/tenants";
import { toTenantView, type TenantView } from "./tenant-view";

/**
 * Owners may rename their tenant. Retention and the API rate limit cost the operator storage
 * and capacity, so only the operator changes them (403 for an owner who tries); the portal's look
 * and the origins allowed to embed it belong to the platform too.
 */
export async function updateTenant(principal: Principal, tenantId: string, input: TUpdateTenant): Promise<TenantView> {
  const patch = ZUpdateTenant.parse(input);
  if (patch.retentionDays !== undefined || patch.apiRateLimit !== undefined || patch.portal !== undefined)
    assertPlatform(principal);
  const { portal, ...rest } = patch;
  const portalSettings = portal === undefined ? {} : { portalSettings: portal === null ? Prisma.DbNull : portal };
  const tenant = await db().tenant.update({ where: { id: tenantId }, data: { ...rest, ...portalSettings } });
  return toTenantView(tenant);
}
