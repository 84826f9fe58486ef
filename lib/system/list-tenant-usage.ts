// The operator's tenant list: each tenant with what it uses. One page of tenants (the same
// keyset page as GET /tenants), then one query counting for just those ids, each count an
// index range scan (endpoints and messages by (tenant_id, id), members by their primary key).
import "server-only";
import type { z } from "zod";
import type { Page } from "@/lib/api/paginate";
import type { Principal } from "@/lib/auth/principal";
import { pool } from "@/lib/db";
import { idFloorAt } from "@/lib/ids";
import type { TTenantUsageView } from "@/lib/schemas/system";
import type { ZListTenantsQuery } from "@/lib/schemas/tenants";
import { listTenants } from "@/lib/tenants/list-tenants";

export async function listTenantUsage(
  principal: Principal,
  query: z.output<typeof ZListTenantsQuery>,
): Promise<Page<TTenantUsageView>> {
  const page = await listTenants(principal, query);
  if (!page.data.length) return { data: [], nextCursor: page.nextCursor };
  const { rows } = await pool().query<{ id: string; endpoints: number; messages: number; members: number }>(
    `SELECT t.id,
            (SELECT count(*)::int FROM endpoints e WHERE e.tenant_id = t.id) AS endpoints,
            (SELECT count(*)::int FROM messages m WHERE m.tenant_id = t.id AND m.id >= $2) AS messages,
            (SELECT count(*)::int FROM memberships ms WHERE ms.tenant_id = t.id) AS members
       FROM unnest($1::text[]) AS t(id)`,
    [page.data.map((tenant) => tenant.id), idFloorAt("message", new Date(Date.now() - 24 * 3_600_000))],
  );
  const usage = new Map(
    rows.map((row) => [row.id, { endpoints: row.endpoints, messages24h: row.messages, members: row.members }]),
  );
  return {
    data: page.data.map((tenant) => ({
      ...tenant,
      usage: usage.get(tenant.id) ?? { endpoints: 0, messages24h: 0, members: 0 },
    })),
    nextCursor: page.nextCursor,
  };
}
