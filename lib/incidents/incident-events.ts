// The operational events of incidents: `incident.opened` (first failure of its cause, an alert
// firing, or a resolved incident whose cause returned: `reopened`) and `incident.resolved`
// (`resolvedBy` "auto" after enough successes or the alert clearing, otherwise who did it).
import type { OperationalEvent } from "@/lib/operational-webhooks/emit-operational-events";

interface IncidentFields {
  id: string;
  tenant_id: string;
  endpoint_id: string;
  cause: string;
  kind?: string;
  opened_at: Date;
  failed_attempts: number;
}

const common = (row: IncidentFields) => ({
  incidentId: row.id,
  endpointId: row.endpoint_id,
  kind: row.kind ?? "failure",
  cause: row.cause,
});

export const openedEvent = (row: IncidentFields, reopened: boolean): OperationalEvent => ({
  type: "incident.opened",
  tenantId: row.tenant_id,
  payload: { ...common(row), reopened, openedAt: row.opened_at.toISOString() },
});

export const resolvedEvent = (
  row: IncidentFields & { resolved_at: Date | null },
  resolvedBy: string,
): OperationalEvent => ({
  type: "incident.resolved",
  tenantId: row.tenant_id,
  payload: {
    ...common(row),
    resolvedBy,
    resolvedAt: (row.resolved_at ?? new Date()).toISOString(),
    failedAttempts: row.failed_attempts,
  },
});
