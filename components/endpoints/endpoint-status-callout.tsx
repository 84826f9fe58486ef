"use client";
// The endpoint's trouble, at the top of its page where it cannot be missed: disabled (and why:
// gone, failing for days, or by hand) or failing right now.
import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { Time } from "@/components/ui/time";
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
  return null;
}
