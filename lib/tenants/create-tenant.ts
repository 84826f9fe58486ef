import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { newId } from "@/lib/ids";
import { ZCreateTenant, type TCreateTenant } from "@/lib/schemas/tenants";
import { toTenantView, type TenantView } from "./tenant-view";

/**
 * Creates a tenant; with `ownerUserId`, that user becomes its owner in the same transaction.
 * `tx` lets registration create the user and the tenant atomically.
 */
export async function createTenant(
  input: TCreateTenant,
  options: { ownerUserId?: string; tx?: Prisma.TransactionClient } = {},
): Promise<TenantView> {
  const data = ZCreateTenant.parse(input);
  const client = options.tx ?? db();
  const tenant = await client.tenant.create({
    data: {
      id: newId("tenant"),
      name: data.name,
      retentionDays: data.retentionDays,
      apiRateLimit: data.apiRateLimit,
      ...(options.ownerUserId ? { memberships: { create: { userId: options.ownerUserId, role: "owner" } } } : {}),
    },
  });
  return toTenantView(tenant);
}
