"use client";
// The endpoint's trouble, at the top of its page where it cannot be missed: disabled (and why:
// gone, failing for days, or by hand), failing right now, or its client certificate expiring.
import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { Time, useNow } from "@/components/ui/time";
import type { EndpointView } from "./use-endpoint";
import { disabledReasonText } from "./endpoint-state";
import { useEndpoint, useEndpointActions } from "./use-endpoint";

export function EndpointStatusCallout({
  tenantId,
  initialEndpoint,
  canWrite,
}: {
  tenantId: string;
  initialEndpoint: EndpointView;
  canWrite: boolean;
}) {
  const { data: endpoint = initialEndpoint } = useEndpoint(tenantId, initialEndpoint.id, initialEndpoint);
  const { enable } = useEndpointActions(tenantId, endpoint.id);
  const now = useNow();
  if (endpoint.status === "disabled") {
    return (
      <Callout
        tone="warning"
        title={`Disabled${endpoint.disabledReason ? ` (${endpoint.disabledReason})` : ""}: no webhooks are being delivered`}
        actions={
          canWrite ? (
            <Button busy={enable.isPending} onClick={() => enable.mutate()}>
              Enable endpoint
            </Button>
          ) : undefined
        }
      >
        {disabledReasonText(endpoint.disabledReason)}{" "}
        {endpoint.disabledAt && (
          <>
            Since <Time value={endpoint.disabledAt} mode="both" />.
          </>
        )}{" "}
        {canWrite && "Once the receiver works again, enable it, then recover the failed messages."}
      </Callout>
    );
  }
  if (endpoint.failingSince) {
    return (
      <Callout tone="danger" title="Failing: the latest attempts did not succeed">
        Failing since <Time value={endpoint.failingSince} mode="both" />. Failed deliveries are retried on the schedule;
        an endpoint with no success for days is disabled automatically.
        {endpoint.lastSuccessAt && (
          <>
            {" "}
            Last success <Time value={endpoint.lastSuccessAt} />.
          </>
        )}
      </Callout>
    );
  }
  const certificate = endpoint.clientCertificate;
  // As the operational event endpoint.certificate_expiring: 14 days ahead.
  if (certificate && now !== null && new Date(certificate.notAfter).getTime() - now < 14 * 86_400_000) {
    const expired = new Date(certificate.notAfter).getTime() <= now;
    return (
      <Callout
        tone={expired ? "danger" : "warning"}
        title={expired ? "Client certificate expired: tries fail" : "Client certificate expires soon"}
      >
        The mTLS certificate {certificate.subject} {expired ? "expired" : "expires"}{" "}
        <Time value={certificate.notAfter} mode="both" />.{" "}
        {canWrite && "Upload a renewed one in the endpoint's settings."}
      </Callout>
    );
  }
  return null;
}
