import "server-only";
import { db } from "@/lib/db";

/** What the overview page's heading needs: the tenant's name, and whether it has an endpoint yet. */
export async function getTenantSummary(tenantId: string): Promise<{ name: string; hasEndpoint: boolean }> {
  const [tenant, anyEndpoint] = await Promise.all([
    db().tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { name: true } }),
    db().endpoint.findFirst({ where: { tenantId }, select: { id: true } }),
  ]);
  return { name: tenant.name, hasEndpoint: anyEndpoint !== null };
}
