// Disabling by hand fails what the endpoint still had queued, in the same transaction, so it
// shows as failed (and "recover" can re-queue it) instead of waiting forever. Enabling starts a
// fresh health record: without it, the auto-disable job would switch a long-failing endpoint
// off again at its next run, before the receiver had a chance to answer.
import "server-only";
import type pg from "pg";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Principal } from "@/lib/auth/principal";
import { withTransaction } from "@/lib/db";
import { emitOperationalEvents } from "@/lib/operational-webhooks/emit-operational-events";
import { failPendingDeliveries } from "@/lib/queue/fail-pending-deliveries";
import { notFound } from "@/lib/errors";
import { getEndpoint } from "./get-endpoint";
import type { EndpointView } from "./endpoint-view";

/** The endpoint's row, locked, with whether it is disabled now; 404 when it is not the tenant's. */
async function lockEndpoint(
  client: pg.PoolClient,
  tenantId: string,
  endpointId: string,
): Promise<{ url: string; disabled: boolean }> {
  const { rows } = await client.query<{ url: string; disabled: boolean }>(
    `SELECT url, disabled_at IS NOT NULL AS disabled FROM endpoints WHERE tenant_id = $1 AND id = $2 FOR UPDATE`,
    [tenantId, endpointId],
  );
  if (!rows[0]) throw notFound("Endpoint");
  return rows[0];
}

/** `reason` is shown on the endpoint (default "manual") and, when given, in the audit event. */
export async function disableEndpoint(
  actor: Principal | null,
  tenantId: string,
  endpointId: string,
  given?: string,
): Promise<EndpointView> {
  const reason = given ?? "manual";
  await withTransaction(async (client) => {
    const before = await lockEndpoint(client, tenantId, endpointId);
    // updated_at changes: the worker's cached endpoint config is keyed by it.
    const { rows } = await client.query<{ disabled_at: Date }>(
      `UPDATE endpoints SET disabled_at = coalesce(disabled_at, now()), disabled_reason = $3, updated_at = now()
        WHERE tenant_id = $1 AND id = $2 RETURNING disabled_at`,
      [tenantId, endpointId, reason],
    );
    await failPendingDeliveries(client, tenantId, endpointId, `endpoint disabled: ${reason}`);
    if (!before.disabled) {
      await emitOperationalEvents(client, [
        {
          type: "endpoint.disabled",
          tenantId,
          payload: { endpointId, url: before.url, reason, disabledAt: rows[0]!.disabled_at.toISOString() },
        },
      ]);
    }
    await recordAuditEvent(
      client,
      actor,
      tenantId,
      "endpoint.disabled",
      { type: "endpoint", id: endpointId },
      given ? { reason: given } : undefined,
    );
  });
  return getEndpoint(tenantId, endpointId);
}

export async function enableEndpoint(
  actor: Principal | null,
  tenantId: string,
  endpointId: string,
): Promise<EndpointView> {
  await withTransaction(async (client) => {
    const before = await lockEndpoint(client, tenantId, endpointId);
    await client.query(
      `UPDATE endpoints SET disabled_at = NULL, disabled_reason = NULL, failing_since = NULL, failures_since_success = 0, updated_at = now()
        WHERE tenant_id = $1 AND id = $2`,
      [tenantId, endpointId],
    );
    if (before.disabled)
      await emitOperationalEvents(client, [
        { type: "endpoint.enabled", tenantId, payload: { endpointId, url: before.url } },
      ]);
    await recordAuditEvent(client, actor, tenantId, "endpoint.enabled", { type: "endpoint", id: endpointId });
  });
  return getEndpoint(tenantId, endpointId);
}
