import "server-only";
import { visibleTenants } from "@/lib/auth/authorize-tenant";
import type { Principal } from "@/lib/auth/principal";
import { db } from "@/lib/db";

/** The tenants a caller may see, by name: the dashboard's tenant switcher and first tenant. */
export async function listTenantNames(
  principal: Principal,
  limit: number,
): Promise<Array<{ id: string; name: string }>> {
  return db().tenant.findMany({
    where: visibleTenants(principal),
    orderBy: { name: "asc" },
    select: { id: true, name: true },
    take: limit,
  });
}
