import "server-only";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { toTenantView, type TenantView } from "./tenant-view";

export async function getTenant(tenantId: string): Promise<TenantView> {
  const tenant = await db().tenant.findUnique({ where: { id: tenantId } });
  if (!tenant) throw notFound("Tenant");
  return toTenantView(tenant);
}
