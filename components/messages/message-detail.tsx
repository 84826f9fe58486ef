"use client";
// A message: what was published (payload, type, time, idempotency key) and, per endpoint, its
// delivery with every attempt. Refreshes itself while a delivery is still under way.
import Link from "next/link";
import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { EmptyState } from "@/components/ui/empty-state";
import { JsonBlock } from "@/components/ui/json-block";
import { Spinner } from "@/components/ui/spinner";
import { Time } from "@/components/ui/time";
import { DeliveryCard } from "./delivery-card";
import { LabelList, SkippedByFilter } from "./message-routing";
import { useEndpointLabels } from "./use-endpoint-labels";
import { isInFlight, useAttempts, useMessage, type AttemptView, type MessageView } from "./use-message";

function Detail({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{term}</dt>
      <dd className="mt-1 text-sm text-slate-900">{children}</dd>
    </div>
  );
}

function deliverySummary(message: MessageView): string {
  if (!message.deliveries.length)
    return message.skippedByFilter.length
      ? "None: every subscribed endpoint's filter left it out (below)."
      : "None: no enabled endpoint was subscribed to this type when it was published.";
  const counts = new Map<string, number>();
  for (const delivery of message.deliveries) counts.set(delivery.status, (counts.get(delivery.status) ?? 0) + 1);
  const parts = [...counts].map(([status, count]) => `${count} ${status}`);
  return `${message.deliveries.length} endpoint${message.deliveries.length === 1 ? "" : "s"}: ${parts.join(", ")}`;
}

export function MessageDetail({
  tenantId,
  canWrite,
  initialMessage,
  initialAttempts,
}: {
  tenantId: string;
  canWrite: boolean;
  initialMessage: MessageView;
  initialAttempts: { data: AttemptView[]; nextCursor: string | null };
}) {
  const { data: message = initialMessage } = useMessage(tenantId, initialMessage.id, initialMessage);
  const attempts = useAttempts(tenantId, message.id, { live: isInFlight(message), initialPage: initialAttempts });
  const endpoints = useEndpointLabels(tenantId);

  return (
    <div className="space-y-6">
      <div className="grid items-start gap-6 lg:grid-cols-5">
        <Card title="Details" className="lg:col-span-2">
          <dl className="grid gap-4">
            <Detail term="Message id">
              <span className="flex flex-wrap items-center gap-2">
                <code className="break-all font-mono text-sm">{message.id}</code>
                <CopyButton value={message.id} aria-label="Copy message id" />
              </span>
            </Detail>
            <Detail term="Event type">
              <Link
                href={`/t/${tenantId}/event-types?q=${encodeURIComponent(message.eventType)}`}
                className="font-mono text-brand-700 hover:underline"
              >
                {message.eventType}
              </Link>
            </Detail>
            <Detail term="Published">
              <Time value={message.createdAt} mode="both" />
            </Detail>
            <Detail term="Idempotency key">
              {message.idempotencyKey ? (
                <code className="break-all font-mono">{message.idempotencyKey}</code>
              ) : (
                <span className="text-slate-500">None</span>
              )}
            </Detail>
            {message.channels.length > 0 && (
              <Detail term="Channels">
                <LabelList labels={message.channels} tenantId={tenantId} kind="channel" />
              </Detail>
            )}
            {message.tags.length > 0 && (
              <Detail term="Tags">
                <LabelList labels={message.tags} tenantId={tenantId} kind="tag" />
              </Detail>
            )}
            {message.orderingKey && (
              <Detail term="Ordering key">
                <code className="break-all font-mono">{message.orderingKey}</code>
              </Detail>
            )}
            <Detail term="Deliveries">{deliverySummary(message)}</Detail>
          </dl>
        </Card>
        <Card
          title="Payload"
          description="As published; receivers get it as data in the envelope."
          className="min-w-0 lg:col-span-3"
        >
          <JsonBlock value={message.payload} label="Payload" />
        </Card>
      </div>

      <section aria-labelledby="deliveries-heading" className="space-y-4">
        <div className="flex flex-wrap items-center gap-2">
          <h2 id="deliveries-heading" className="text-lg font-semibold text-slate-900">
            Deliveries
          </h2>
          {isInFlight(message) && (
            <span className="inline-flex items-center gap-1.5 text-sm text-slate-500">
              <Spinner className="h-3.5 w-3.5" /> updating while deliveries are under way
            </span>
          )}
        </div>
        {attempts.error && (
          <p className="text-sm text-red-700">The attempts could not be loaded: {attempts.error.message}</p>
        )}
        {message.deliveries.length === 0 ? (
          <EmptyState title="Not delivered anywhere">
            {message.skippedByFilter.length ? (
              <>The payload filter of every endpoint that takes this type left this message out (below).</>
            ) : (
              <>
                No enabled endpoint was subscribed to <code className="font-mono">{message.eventType}</code> when this
                message was published.{" "}
                <Link href={`/t/${tenantId}/endpoints`} className="font-medium text-brand-700 hover:underline">
                  Add or enable an endpoint
                </Link>{" "}
                for the next ones.
              </>
            )}
          </EmptyState>
        ) : (
          message.deliveries.map((delivery) => (
            <DeliveryCard
              key={delivery.id}
              tenantId={tenantId}
              messageId={message.id}
              delivery={delivery}
              endpoint={endpoints.labels.get(delivery.endpointId)}
              attempts={attempts.byEndpoint.get(delivery.endpointId) ?? []}
              canWrite={canWrite}
            />
          ))
        )}
        <SkippedByFilter tenantId={tenantId} skipped={message.skippedByFilter} labels={endpoints.labels} />
        {attempts.hasNextPage && (
          <button
            type="button"
            className="text-sm font-medium text-brand-700 hover:underline"
            onClick={attempts.fetchNextPage}
          >
            {attempts.isFetchingNextPage ? "Loading older attempts…" : "Load older attempts"}
          </button>
        )}
      </section>
    </div>
  );
}
