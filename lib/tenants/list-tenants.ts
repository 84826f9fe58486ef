import "server-only";
import type { z } from "zod";
import { keysetFilter, pageArgs, toPage, type Page } from "@/lib/api/paginate";
import { visibleTenants } from "@/lib/auth/authorize-tenant";
import type { Principal } from "@/lib/auth/principal";
import { db } from "@/lib/db";
import type { ZListTenantsQuery } from "@/lib/schemas/tenants";
import { toTenantView, type TenantView } from "./tenant-view";

/** Every tenant for the operator; for anyone else, the tenants they belong to. */
export async function listTenants(
  principal: Principal,
  query: z.output<typeof ZListTenantsQuery>,
): Promise<Page<TenantView>> {
  const rows = await db().tenant.findMany({
    where: { AND: [visibleTenants(principal), { id: keysetFilter(query.cursor) }] },
    ...pageArgs(query),
  });
  return toPage(rows, query, (row) => row.id, toTenantView);
}
