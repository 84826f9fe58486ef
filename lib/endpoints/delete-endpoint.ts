import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Principal } from "@/lib/auth/principal";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";

/** Deletes the endpoint with its deliveries and attempts (cascade); messages stay. */
export async function deleteEndpoint(actor: Principal | null, tenantId: string, endpointId: string): Promise<void> {
  await db().$transaction(async (tx) => {
    const { count } = await tx.endpoint.deleteMany({ where: { id: endpointId, tenantId } });
    if (count === 0) throw notFound("Endpoint");
    await recordAuditEvent(tx, actor, tenantId, "endpoint.deleted", { type: "endpoint", id: endpointId });
  });
}
