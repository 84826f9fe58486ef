// One endpoint's delivery of a message: where it stands, when it is tried next, and every
// attempt in a timeline, with "Resend" for those who may.
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { Time } from "@/components/ui/time";
import { AttemptTimeline } from "./attempt-timeline";
import { DeliveryStateBadge } from "./delivery-state";
import { ResendButton } from "./resend-button";
import type { EndpointLabel } from "./use-endpoint-labels";
import type { AttemptView, DeliveryView } from "./use-message";

export function DeliveryCard({
  tenantId,
  messageId,
  delivery,
  endpoint,
  attempts,
  canWrite,
}: {
  tenantId: string;
  messageId: string;
  delivery: DeliveryView;
  endpoint: EndpointLabel | undefined;
  attempts: AttemptView[];
  canWrite: boolean;
}) {
  const name = endpoint?.label ?? delivery.endpointUrl;
  const retrying = delivery.status === "pending" && delivery.nextAttemptAt;
  return (
    <Card
      title={
        <span className="flex min-w-0 flex-wrap items-center gap-2">
          <DeliveryStateBadge state={delivery} />
          <Link href={`/t/${tenantId}/endpoints/${delivery.endpointId}`} className="min-w-0 break-all hover:underline">
            {name}
          </Link>
        </span>
      }
      description={
        <span className="block space-y-0.5">
          {endpoint && endpoint.label !== delivery.endpointUrl && (
            <span className="block break-all font-mono text-xs">{delivery.endpointUrl}</span>
          )}
          <span className="block">
            {delivery.attemptCount} attempt{delivery.attemptCount === 1 ? "" : "s"}
            {retrying && (
              <>
                {" · next try "}
                <Time value={delivery.nextAttemptAt!} />
              </>
            )}
            {delivery.status === "failed" && delivery.lastError ? ` · ${delivery.lastError}` : ""}
            {` · retries ${delivery.retrySchedule ? delivery.retrySchedule.join(", ") : "on the default schedule"}`}
            {endpoint?.disabled ? " · the endpoint is disabled" : ""}
          </span>
        </span>
      }
      actions={
        canWrite ? (
          <ResendButton
            tenantId={tenantId}
            messageId={messageId}
            endpoint={{ id: delivery.endpointId, name }}
            disabledReason={endpoint?.disabled ? "The endpoint is disabled: enable it to resend." : undefined}
          />
        ) : undefined
      }
    >
      {delivery.status === "skipped" ? (
        <p className="text-sm text-slate-500">
          Not sent: the endpoint&apos;s transformation gave no result for this message, so it was skipped (not a
          failure).
        </p>
      ) : attempts.length || retrying ? (
        <AttemptTimeline
          attempts={attempts}
          next={retrying ? { number: delivery.attemptCount + 1, at: delivery.nextAttemptAt! } : null}
        />
      ) : (
        <p className="text-sm text-slate-500">
          {delivery.status === "failed"
            ? "Not tried: the delivery failed before its first attempt."
            : "No attempt yet: the first try is queued."}
        </p>
      )}
    </Card>
  );
}
