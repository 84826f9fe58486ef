// DESIGN.md step 5: an endpoint with no success for a long time (5 days by default) and several
// failures is disabled, with reason `failing`, and what it still had queued fails visibly.
import "server-only";
import { withTransaction } from "@/lib/db";
import { emitOperationalEvents } from "@/lib/operational-webhooks/emit-operational-events";
import { failPendingDeliveries } from "@/lib/queue/fail-pending-deliveries";

export async function disableFailingEndpoints(
  afterMs: number,
  minFailures: number,
): Promise<Array<{ tenantId: string; endpointId: string }>> {
  return withTransaction(async (client) => {
    const { rows } = await client.query<{ id: string; tenant_id: string; url: string; disabled_at: Date }>(
      `UPDATE endpoints SET disabled_at = now(), disabled_reason = 'failing'
        WHERE disabled_at IS NULL AND failing_since IS NOT NULL
          AND failing_since < now() - make_interval(secs => $1 / 1000.0)
          AND failures_since_success >= $2
          AND (last_success_at IS NULL OR last_success_at < now() - make_interval(secs => $1 / 1000.0))
        RETURNING id, tenant_id, url, disabled_at`,
      [afterMs, minFailures],
    );
    for (const row of rows) {
      await failPendingDeliveries(
        client,
        row.tenant_id,
        row.id,
        "endpoint disabled: no successful delivery for too long",
      );
    }
    await emitOperationalEvents(
      client,
      rows.map((row) => ({
        type: "endpoint.disabled",
        tenantId: row.tenant_id,
        payload: { endpointId: row.id, url: row.url, reason: "failing", disabledAt: row.disabled_at.toISOString() },
      })),
    );
    return rows.map((row) => ({ tenantId: row.tenant_id, endpointId: row.id }));
  });
}
