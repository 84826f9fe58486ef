"use client";
// One row of the delivery log: the event type and id, a badge per endpoint, and when. The whole
// row links to the message. A row that arrived while the log was open lights up for a moment.
import Link from "next/link";
import { useEffect, useState } from "react";
import { focusRing } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Time } from "@/components/ui/time";
import { describeDeliveryState, DeliveryStateBadge } from "./delivery-state";
import type { EndpointLabel } from "./use-endpoint-labels";
import type { MessageSummary } from "./use-message-log";

const MAX_BADGES = 3;

function EndpointBadges({ message, labels }: { message: MessageSummary; labels: Map<string, EndpointLabel> }) {
  if (!message.endpoints.length) return <span className="text-xs text-slate-500">No endpoint subscribed</span>;
  const shown = message.endpoints.slice(0, MAX_BADGES);
  const hidden = message.endpoints.slice(MAX_BADGES);
  return (
    <ul className="flex min-w-0 flex-wrap gap-1.5" aria-label="Deliveries">
      {shown.map((state) => {
        const endpoint = labels.get(state.endpointId);
        const name = endpoint?.label ?? `…${state.endpointId.slice(-6)}`;
        return (
          <li
            key={state.endpointId}
            title={`${endpoint?.url ?? state.endpointId}: ${describeDeliveryState(state)}`}
            className="inline-flex min-w-0 max-w-full items-center gap-1.5 rounded-full bg-surface py-0.5 pl-0.5 pr-2 text-xs ring-1 ring-slate-200"
          >
            <DeliveryStateBadge state={state} />
            <span className="truncate text-slate-600 sm:max-w-[14rem]">{name}</span>
          </li>
        );
      })}
      {hidden.length > 0 && (
        <li
          className="inline-flex items-center rounded-full px-2 py-0.5 text-xs text-slate-600 ring-1 ring-slate-200"
          title={hidden
            .map(
              (state) => `${labels.get(state.endpointId)?.label ?? state.endpointId}: ${describeDeliveryState(state)}`,
            )
            .join("\n")}
        >
          +{hidden.length} more ({hidden.filter((state) => state.status === "failed").length} failed)
        </li>
      )}
    </ul>
  );
}

const FLASH_MS = 2_500;

export function MessageRow({
  tenantId,
  message,
  labels,
  fresh,
}: {
  tenantId: string;
  message: MessageSummary;
  labels: Map<string, EndpointLabel>;
  fresh: boolean;
}) {
  const [flash, setFlash] = useState(fresh);
  useEffect(() => {
    if (!flash) return;
    const timer = setTimeout(() => setFlash(false), FLASH_MS);
    return () => clearTimeout(timer);
  }, [flash]);
  return (
    <li className={cn("transition-colors duration-1000", flash && "bg-brand-50")}>
      <Link
        href={`/t/${tenantId}/messages/${message.id}`}
        className={cn(
          "grid gap-x-4 gap-y-1.5 px-4 py-3 hover:bg-slate-50 sm:grid-cols-[minmax(0,15rem)_minmax(0,1fr)_7.5rem] sm:items-center",
          focusRing,
        )}
      >
        <div className="flex min-w-0 items-baseline justify-between gap-3 sm:block">
          <div className="min-w-0">
            <p className="truncate text-sm font-medium text-slate-900">{message.eventType}</p>
            <p className="truncate font-mono text-xs text-slate-500">{message.id}</p>
          </div>
          <Time value={message.createdAt} className="shrink-0 text-xs text-slate-500 sm:hidden" />
        </div>
        <EndpointBadges message={message} labels={labels} />
        <Time value={message.createdAt} className="hidden text-right text-sm text-slate-500 sm:block" />
      </Link>
    </li>
  );
}
