// "Recover": every failed delivery of an endpoint created in [since, until) goes back to the
// queue with the whole retry schedule ahead of it (scheduled_tries = 0), due now. Typically
// used after the tenant fixed their receiver. recovered_at marks them, so that their next tries
// are recorded as `recovered` rather than `scheduled`.
import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Principal } from "@/lib/auth/principal";
import { withTransaction } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { idFloorAt } from "@/lib/ids";
import { DELIVERIES_CHANNEL, POLLING_CHANNEL } from "@/lib/queue/channel";

export async function recoverFailedDeliveries(
  actor: Principal | null,
  tenantId: string,
  endpointId: string,
  since: Date,
  until?: Date,
): Promise<{ requeued: number }> {
  if (until && until <= since)
    throw new AppError("validation_failed", "`until` must be after `since`.", [
      { path: "until", message: "must be after since" },
    ]);
  return withTransaction(async (client) => {
    const { rows } = await client.query<{ disabled: boolean; polling: boolean }>(
      `SELECT disabled_at IS NOT NULL AS disabled, type = 'polling' AS polling FROM endpoints WHERE tenant_id = $1 AND id = $2 FOR SHARE`,
      [tenantId, endpointId],
    );
    if (!rows[0]) throw notFound("Endpoint");
    if (rows[0].disabled)
      throw new AppError(
        "endpoint_disabled",
        "The endpoint is disabled; enable it before recovering its failed deliveries.",
      );
    const { rowCount } = await client.query(
      // A polling endpoint's deliveries wait again to be fetched (lib/polling), not handed out yet.
      `UPDATE deliveries SET status = 'pending', scheduled_tries = 0, recovered_at = now(),
              next_attempt_at = CASE WHEN $5 THEN NULL ELSE now() END,
              last_attempt_at = CASE WHEN $5 THEN NULL ELSE last_attempt_at END
        WHERE tenant_id = $1 AND endpoint_id = $2 AND status = 'failed' AND id >= $3 AND ($4::text IS NULL OR id < $4)`,
      // Delivery ids encode their creation time: an id range walks the (tenant, endpoint, status, id) index.
      [
        tenantId,
        endpointId,
        idFloorAt("delivery", since),
        until ? idFloorAt("delivery", until) : null,
        rows[0].polling,
      ],
    );
    const requeued = rowCount ?? 0;
    if (requeued)
      await client.query(
        `SELECT pg_notify($1, $2)`,
        rows[0].polling ? [POLLING_CHANNEL, endpointId] : [DELIVERIES_CHANNEL, ""],
      );
    await recordAuditEvent(
      client,
      actor,
      tenantId,
      "endpoint.recovered",
      { type: "endpoint", id: endpointId },
      { since: since.toISOString(), until: until?.toISOString() ?? null, requeued },
    );
    return { requeued };
  });
}
