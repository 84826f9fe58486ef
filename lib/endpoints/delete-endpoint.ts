import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Principal } from "@/lib/auth/principal";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";

/**
 * Deletes the endpoint with its deliveries (cascade) and its attempts (no foreign key from
 * attempts to deliveries: partitioned tables, docs/ARCHITECTURE.md); messages stay.
 */
export async function deleteEndpoint(actor: Principal | null, tenantId: string, endpointId: string): Promise<void> {
  await db().$transaction(async (tx) => {
    const { count } = await tx.endpoint.deleteMany({ where: { id: endpointId, tenantId } });
    if (count === 0) throw notFound("Endpoint");
    await tx.attempt.deleteMany({ where: { tenantId, endpointId } });
    await recordAuditEvent(tx, actor, tenantId, "endpoint.deleted", { type: "endpoint", id: endpointId });
  });
}
