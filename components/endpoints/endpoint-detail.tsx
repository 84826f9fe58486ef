"use client";
// An endpoint's page below its header: its trouble (if any), performance charts, the live
// attempt log, and the tools (secret, test event, recover) for those who may use them.
import type { EndpointView } from "./use-endpoint";
import { BlockedKeys } from "./blocked-keys";
import { EndpointCharts } from "./endpoint-charts";
import { IncidentList } from "@/components/incidents/incident-list";
import { Card } from "@/components/ui/card";
import { EndpointSettingsCard } from "./endpoint-settings-card";
import { EndpointStatusCallout } from "./endpoint-status-callout";
import { RecentAttempts } from "./recent-attempts";
import { RecoverFailed } from "./recover-failed";
import { SendTestEvent } from "./send-test-event";
import { PollingCard } from "./polling-card";
import { SigningSecretCard } from "./signing-secret-card";
import { useEndpoint } from "./use-endpoint";

interface Props {
  tenantId: string;
  initialEndpoint: EndpointView;
  canWrite: boolean;
  /** HOOKLINE_SECRET_OVERLAP_MS, for the rotation dialog. */
  secretOverlapMs: number;
  /** Until when the previous secret still signs, when a rotation is recent. */
  previousSecretExpiresAt: string | null;
  /** Just created by the form: the secret card says so and shows the secret to copy. */
  justCreated?: boolean;
}

export function EndpointDetail({
  tenantId,
  initialEndpoint,
  canWrite,
  secretOverlapMs,
  previousSecretExpiresAt,
  justCreated = false,
}: Props) {
  const { data: endpoint = initialEndpoint } = useEndpoint(tenantId, initialEndpoint.id, initialEndpoint);
  const disabled = endpoint.status === "disabled";
  return (
    <div className="space-y-6">
      <EndpointStatusCallout tenantId={tenantId} initialEndpoint={endpoint} canWrite={canWrite} />
      <Card title="Incidents" description="This endpoint's failures grouped by cause, and its health alerts.">
        <IncidentList tenantId={tenantId} endpointId={endpoint.id} canWrite={canWrite} />
      </Card>
      <EndpointCharts tenantId={tenantId} endpointId={endpoint.id} />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="min-w-0 space-y-6">
          {endpoint.ordering === "fifo" && <BlockedKeys tenantId={tenantId} endpointId={endpoint.id} />}
          <RecentAttempts tenantId={tenantId} endpointId={endpoint.id} />
        </div>
        <div className="min-w-0 space-y-6">
          {endpoint.type === "polling" && (
            <PollingCard tenantId={tenantId} endpointId={endpoint.id} canWrite={canWrite} />
          )}
          <SigningSecretCard
            tenantId={tenantId}
            endpointId={endpoint.id}
            canWrite={canWrite}
            overlapMs={secretOverlapMs}
            initialOverlapUntil={previousSecretExpiresAt}
            justCreated={justCreated}
            signatureScheme={endpoint.signatureScheme}
          />
          {canWrite && endpoint.type === "webhook" && (
            <SendTestEvent
              tenantId={tenantId}
              endpointId={endpoint.id}
              subscribed={endpoint.eventTypes}
              disabled={disabled}
            />
          )}
          {canWrite && <RecoverFailed tenantId={tenantId} endpointId={endpoint.id} disabled={disabled} />}
          <EndpointSettingsCard endpoint={endpoint} />
        </div>
      </div>
    </div>
  );
}
