"use client";
// The delivery log: filters (kept in the URL), a live-updating list of messages with a badge per
// endpoint, keyset "Load more", and empty states that say what to do next.
import { useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { Spinner } from "@/components/ui/spinner";
import { useEventTypes } from "@/components/event-types/use-event-types";
import { filtersToSearchParams, hasFilters, NO_FILTERS, toLogQuery, type MessageLogFilters } from "./message-filters";
import { MessageFiltersBar } from "./message-filters-bar";
import { MessageRow } from "./message-row";
import { PublishFirstMessage } from "./publish-first-message";
import { useEndpointLabels } from "./use-endpoint-labels";
import { useMessageLog, type MessagePage } from "./use-message-log";

interface Props {
  tenantId: string;
  /** Where the API is, for the "publish your first message" guide; null (a portal session, whose platform publishes): no guide. */
  publicUrl: string | null;
  /** The filters of the URL the page was rendered for, the time relative ranges count back from, and their first page. */
  initial: { filters: MessageLogFilters; anchor: number; page: MessagePage };
}

function LiveToggle({ live, onToggle, failing }: { live: boolean; onToggle: () => void; failing: boolean }) {
  return (
    <button
      type="button"
      aria-pressed={live}
      onClick={onToggle}
      title={
        live
          ? "New messages appear as they arrive. Click to pause."
          : "Paused. Click to show new messages as they arrive."
      }
      className="inline-flex items-center gap-2 rounded-full px-3 py-1 text-sm font-medium text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
    >
      <span aria-hidden className="relative flex h-2.5 w-2.5">
        {live && !failing && (
          <span className="absolute inline-flex h-full w-full animate-ping rounded-full bg-emerald-400 opacity-75" />
        )}
        <span
          className={cn(
            "relative inline-flex h-2.5 w-2.5 rounded-full",
            !live ? "bg-slate-400" : failing ? "bg-amber-500" : "bg-emerald-500",
          )}
        />
      </span>
      {live ? (failing ? "Live (reconnecting…)" : "Live") : "Paused"}
    </button>
  );
}

export function MessageLog({ tenantId, publicUrl, initial }: Props) {
  const [state, setState] = useState({ filters: initial.filters, anchor: initial.anchor });
  const [live, setLive] = useState(true);
  const query = useMemo(() => toLogQuery(state.filters, state.anchor), [state]);
  const isInitial = state.filters === initial.filters && state.anchor === initial.anchor;
  const log = useMessageLog(tenantId, query, { live, initialPage: isInitial ? initial.page : undefined });
  const endpoints = useEndpointLabels(tenantId);
  const catalog = useEventTypes({ includeArchived: true });

  function applyFilters(filters: MessageLogFilters) {
    setState({ filters, anchor: Date.now() });
    const search = filtersToSearchParams(filters);
    window.history.replaceState(null, "", `${window.location.pathname}${search ? `?${search}` : ""}`);
  }

  // Tell screen readers how many messages arrived, not every row.
  const [announcement, setAnnouncement] = useState("");
  const announced = useRef(0);
  useEffect(() => {
    if (log.arrived.size > announced.current)
      setAnnouncement(
        `${log.arrived.size - announced.current} new message${log.arrived.size - announced.current === 1 ? "" : "s"}`,
      );
    announced.current = log.arrived.size;
  }, [log.arrived]);

  const filtered = hasFilters(state.filters);
  const firstType = catalog.eventTypes.find((type) => !type.archived) ?? null;

  return (
    <div className="space-y-4">
      <Card>
        <MessageFiltersBar
          filters={state.filters}
          onChange={applyFilters}
          eventTypes={catalog.eventTypes}
          endpoints={endpoints.list}
        />
        <div className="mt-4 flex flex-wrap items-center justify-between gap-3 border-t border-slate-100 pt-4">
          <p className="text-sm text-slate-600" aria-live="off">
            {log.isPending || log.isStale
              ? "Loading…"
              : `${log.messages.length}${log.hasNextPage || log.gap ? "+" : ""} message${log.messages.length === 1 ? "" : "s"}${filtered ? " match" : ""}`}
          </p>
          <div className="flex flex-wrap items-center gap-2">
            {filtered && (
              <Button variant="ghost" size="sm" onClick={() => applyFilters(NO_FILTERS)}>
                Clear filters
              </Button>
            )}
            <LiveToggle
              live={live}
              onToggle={() => setLive((value) => !value)}
              failing={live && log.liveError !== null}
            />
          </div>
        </div>
      </Card>
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>

      {log.error ? (
        <EmptyState title="The log could not be loaded" action={<Button onClick={log.restart}>Try again</Button>}>
          {log.error.message}
        </EmptyState>
      ) : log.isPending ? (
        <div className="flex justify-center py-16">
          <Spinner label="Loading messages" className="h-6 w-6 text-slate-400" />
        </div>
      ) : log.messages.length === 0 ? (
        filtered ? (
          <EmptyState
            title="No messages match these filters"
            action={
              <Button variant="secondary" onClick={() => applyFilters(NO_FILTERS)}>
                Clear filters
              </Button>
            }
          >
            Try another event type, status, endpoint or a wider time range.
            {live ? " New messages that match will appear here by themselves." : ""}
          </EmptyState>
        ) : publicUrl ? (
          <PublishFirstMessage
            tenantId={tenantId}
            publicUrl={publicUrl}
            eventType={firstType}
            endpointCount={endpoints.list.length}
          />
        ) : (
          <EmptyState title="No messages yet">
            Messages sent to your endpoints will appear here, with every delivery attempt.
          </EmptyState>
        )
      ) : (
        <div
          className={cn(
            "overflow-hidden rounded-lg border border-slate-200 bg-surface shadow-sm transition-opacity",
            log.isStale && "opacity-60",
          )}
          aria-busy={log.isStale || undefined}
        >
          <div
            className="hidden grid-cols-[minmax(0,15rem)_minmax(0,1fr)_7.5rem] gap-x-4 border-b border-slate-200 bg-slate-50 px-4 py-2.5 text-xs font-semibold uppercase tracking-wide text-slate-500 sm:grid"
            aria-hidden
          >
            <span>Message</span>
            <span>Deliveries</span>
            <span className="text-right">Created</span>
          </div>
          <ul aria-label="Messages" className="divide-y divide-slate-100">
            {log.messages.map((message, index) => (
              <MessageListItem
                key={message.id}
                gapAfter={log.gap && index === log.arrived.size - 1}
                onRestart={log.restart}
              >
                <MessageRow
                  tenantId={tenantId}
                  message={message}
                  labels={endpoints.labels}
                  fresh={log.arrived.has(message.id)}
                />
              </MessageListItem>
            ))}
          </ul>
          <div className="flex justify-center border-t border-slate-100 px-4 py-3">
            {log.hasNextPage ? (
              <Button variant="secondary" busy={log.isFetchingNextPage} onClick={log.fetchNextPage}>
                Load more
              </Button>
            ) : (
              <p className="text-sm text-slate-500">
                {filtered ? "No more messages match." : "That is every message."}
              </p>
            )}
          </div>
        </div>
      )}
    </div>
  );
}

/** A row, followed (after a burst larger than one poll) by a note that rows are missing there. */
function MessageListItem({
  children,
  gapAfter,
  onRestart,
}: {
  children: ReactNode;
  gapAfter: boolean;
  onRestart: () => void;
}) {
  return (
    <>
      {children}
      {gapAfter && (
        <li className="flex flex-wrap items-center justify-between gap-2 bg-amber-50 px-4 py-2 text-sm text-amber-900">
          More messages arrived than fit here.
          <Button variant="secondary" size="sm" onClick={onRestart}>
            Show all from the newest
          </Button>
        </li>
      )}
    </>
  );
}
