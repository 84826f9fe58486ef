// Resolving an incident by hand (POST /tenants/{t}/incidents/{i}/resolve): it stays resolved
// until its cause returns (then the same incident reopens, lib/incidents/record-incidents.ts)
// or, for an alert, until the maintenance loop finds the condition again.
import "server-only";
import { auditActorOf, recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Principal } from "@/lib/auth/principal";
import { withTransaction } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { emitOperationalEvents } from "@/lib/operational-webhooks/emit-operational-events";
import type { Incident } from "@/lib/generated/prisma/client";
import type { TIncidentView } from "@/lib/schemas/incidents";
import { resolvedEvent } from "./incident-events";
import { toIncidentView } from "./list-incidents";

/** How an incident names who resolved it by hand. */
function resolverName(actor: Principal | null): string {
  if (!actor) return "hookline";
  const who = auditActorOf(actor);
  return who.email ?? who.name ?? `${who.kind}:${who.id ?? "admin"}`;
}

export async function resolveIncident(
  actor: Principal | null,
  tenantId: string,
  incidentId: string,
): Promise<TIncidentView> {
  return withTransaction(async (client) => {
    const { rows: found } = await client.query<{ status: string }>(
      `SELECT status FROM incidents WHERE tenant_id = $1 AND id = $2 FOR UPDATE`,
      [tenantId, incidentId],
    );
    if (!found[0]) throw notFound("Incident");
    if (found[0].status !== "open") throw new AppError("incident_not_open", "The incident is already resolved.");
    const resolvedBy = resolverName(actor);
    const { rows } = await client.query<Record<string, unknown>>(
      `UPDATE incidents SET status = 'resolved', resolved_at = now(), resolved_by = $3, consecutive_successes = 0
        WHERE tenant_id = $1 AND id = $2
        RETURNING id, tenant_id AS "tenantId", endpoint_id AS "endpointId", kind, cause, status,
                  first_seen_at AS "firstSeenAt", last_seen_at AS "lastSeenAt", opened_at AS "openedAt",
                  resolved_at AS "resolvedAt", resolved_by AS "resolvedBy", reopen_count AS "reopenCount",
                  failed_attempts AS "failedAttempts", affected_messages AS "affectedMessages",
                  consecutive_successes AS "consecutiveSuccesses", sample_attempt_id AS "sampleAttemptId",
                  sample_message_id AS "sampleMessageId", sample_status AS "sampleStatus",
                  sample_error AS "sampleError", details`,
      [tenantId, incidentId, resolvedBy],
    );
    const incident = rows[0] as unknown as Incident;
    await emitOperationalEvents(client, [
      resolvedEvent(
        {
          id: incident.id,
          tenant_id: tenantId,
          endpoint_id: incident.endpointId,
          kind: incident.kind,
          cause: incident.cause,
          opened_at: incident.openedAt,
          failed_attempts: incident.failedAttempts,
          resolved_at: incident.resolvedAt,
        },
        resolvedBy,
      ),
    ]);
    await recordAuditEvent(
      client,
      actor,
      tenantId,
      "incident.resolved",
      { type: "incident", id: incidentId },
      { endpointId: incident.endpointId, cause: incident.cause },
    );
    return toIncidentView(incident);
  });
}
