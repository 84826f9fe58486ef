"use client";
// Incidents and health alerts as a table (a card per row on a phone): cause, endpoint, when
// first and last seen, failed tries and affected messages, a sample attempt, and a resolve
// button for open ones. Used by the incidents page (status filter) and an endpoint's page.
import Link from "next/link";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { SegmentedControl } from "@/components/ui/segmented-control";
import { Spinner } from "@/components/ui/spinner";
import { Table, Td } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { causeLabel } from "@/lib/incidents/incident-cause";
import { useIncidents, useResolveIncident, type Incident } from "./use-incidents";

type StatusFilter = "open" | "resolved";
const STATUS_OPTIONS = [
  { value: "open", label: "Open" },
  { value: "resolved", label: "Resolved" },
] as const;

function alertDetail(incident: Incident): string | null {
  const details = incident.details as Record<string, number> | null;
  if (!details) return null;
  if (incident.cause === "success_rate") return `${details.observedRate}% vs ${details.baselineRate}% usually`;
  if (incident.cause === "latency_p95") return `p95 ${details.observedP95Ms} ms vs ${details.baselineP95Ms} ms usually`;
  if (incident.cause === "backlog") return `${details.dueBefore} → ${details.due} due in ${details.minutes} min`;
  return null;
}

function Sample({ tenantId, incident }: { tenantId: string; incident: Incident }) {
  const sample = incident.sampleAttempt;
  if (!sample) return <span className="text-slate-600">{alertDetail(incident) ?? "—"}</span>;
  return (
    <Link href={`/t/${tenantId}/messages/${sample.messageId}`} className="text-brand-700 hover:underline">
      {sample.responseStatus !== null ? `HTTP ${sample.responseStatus}` : (sample.error ?? "error")}
    </Link>
  );
}

export function IncidentList({
  tenantId,
  endpointId,
  canWrite,
  initialStatus = "open",
}: {
  tenantId: string;
  endpointId?: string;
  canWrite: boolean;
  initialStatus?: StatusFilter;
}) {
  const [status, setStatus] = useState<StatusFilter>(initialStatus);
  const incidents = useIncidents(tenantId, { status, ...(endpointId ? { endpointId } : {}), limit: 50 });
  const resolve = useResolveIncident(tenantId);
  const rows = incidents.data?.data ?? [];
  return (
    <div className="space-y-3">
      <SegmentedControl label="Incident status" value={status} options={STATUS_OPTIONS} onChange={setStatus} />
      {incidents.isPending ? (
        <div className="grid place-items-center py-6 text-slate-400">
          <Spinner label="Loading incidents" />
        </div>
      ) : incidents.isError ? (
        <p className="text-sm text-danger">Could not load the incidents.</p>
      ) : rows.length === 0 ? (
        <p className="rounded-md border border-dashed border-slate-200 px-4 py-6 text-center text-sm text-slate-500">
          {status === "open" ? "No open incidents." : "No resolved incidents."}
        </p>
      ) : (
        <Table
          label={status === "open" ? "Open incidents" : "Resolved incidents"}
          head={[
            "Cause",
            ...(endpointId ? [] : ["Endpoint"]),
            "First seen",
            "Last seen",
            "Failed tries",
            "Messages",
            "Sample",
            ...(canWrite && status === "open" ? [{ label: "Actions", hidden: true as const }] : []),
          ]}
        >
          {rows.map((incident) => (
            <tr key={incident.id}>
              <Td kind="title">
                <span className="inline-flex flex-wrap items-center gap-2">
                  <Badge
                    tone={incident.status === "open" ? (incident.kind === "alert" ? "warning" : "danger") : "neutral"}
                  >
                    {incident.kind === "alert" ? "Alert" : "Incident"}
                  </Badge>
                  <span className="font-medium text-slate-900">{causeLabel(incident.cause)}</span>
                  {incident.reopenCount > 0 && (
                    <span className="text-xs text-slate-500">reopened {incident.reopenCount}×</span>
                  )}
                </span>
              </Td>
              {!endpointId && (
                <Td>
                  <Link
                    href={`/t/${tenantId}/endpoints/${incident.endpointId}`}
                    className="font-mono text-brand-700 hover:underline"
                  >
                    {incident.endpointId}
                  </Link>
                </Td>
              )}
              <Td>
                <Time value={incident.firstSeenAt} />
              </Td>
              <Td>
                <Time value={incident.lastSeenAt} />
              </Td>
              <Td className="tabular-nums">{incident.failedAttempts.toLocaleString("en-US")}</Td>
              <Td className="tabular-nums">{incident.affectedMessages.toLocaleString("en-US")}</Td>
              <Td>
                <Sample tenantId={tenantId} incident={incident} />
              </Td>
              {canWrite && status === "open" && (
                <Td kind="actions">
                  <Button
                    size="sm"
                    variant="secondary"
                    disabled={resolve.isPending}
                    onClick={() => resolve.mutate(incident.id)}
                    aria-label={`Resolve ${causeLabel(incident.cause)} on ${incident.endpointId}`}
                  >
                    Resolve
                  </Button>
                </Td>
              )}
            </tr>
          ))}
        </Table>
      )}
    </div>
  );
}
