// Disabling by hand fails what the endpoint still had queued, in the same transaction, so it
// shows as failed (and "recover" can re-queue it) instead of waiting forever. Enabling starts a
// fresh health record: without it, the auto-disable job would switch a long-failing endpoint
// off again at its next run, before the receiver had a chance to answer.
import "server-only";
import { withTransaction } from "@/lib/db";
import { failPendingDeliveries } from "@/lib/deliveries/fail-pending-deliveries";
import { notFound } from "@/lib/errors";
import { getEndpoint } from "./get-endpoint";
import type { EndpointView } from "./endpoint-view";

export async function disableEndpoint(tenantId: string, endpointId: string, reason = "manual"): Promise<EndpointView> {
  await withTransaction(async (client) => {
    // updated_at changes: the worker's cached endpoint config is keyed by it.
    const { rowCount } = await client.query(
      `UPDATE endpoints SET disabled_at = coalesce(disabled_at, now()), disabled_reason = $3, updated_at = now()
        WHERE tenant_id = $1 AND id = $2`,
      [tenantId, endpointId, reason],
    );
    if (!rowCount) throw notFound("Endpoint");
    await failPendingDeliveries(client, tenantId, endpointId, `endpoint disabled: ${reason}`);
  });
  return getEndpoint(tenantId, endpointId);
}

export async function enableEndpoint(tenantId: string, endpointId: string): Promise<EndpointView> {
  await withTransaction(async (client) => {
    const { rowCount } = await client.query(
      `UPDATE endpoints SET disabled_at = NULL, disabled_reason = NULL, failing_since = NULL, failures_since_success = 0, updated_at = now()
        WHERE tenant_id = $1 AND id = $2`,
      [tenantId, endpointId],
    );
    if (!rowCount) throw notFound("Endpoint");
  });
  return getEndpoint(tenantId, endpointId);
}
