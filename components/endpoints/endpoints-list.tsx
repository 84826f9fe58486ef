"use client";
// The tenant's endpoints with their health over the last 24 hours: a table on a wide screen,
// one card per endpoint on a phone (components/ui/table.tsx). Filter by state; older endpoints a page at a time.
import Link from "next/link";
import { useState } from "react";
import { EmptyState } from "@/components/ui/empty-state";
import { LinkButton } from "@/components/ui/link-button";
import { SegmentedControl } from "@/components/ui/segmented-control";
import { Spinner } from "@/components/ui/spinner";
import { Table, Td } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { formatCount, formatMs, formatRate } from "@/components/stats/format";
import type { ListPage } from "@/client/browser-api";
import type { EndpointView } from "./use-endpoint";
import { AttemptOutcome } from "./attempt-outcome";
import { endpointAddress, EndpointUrl } from "./endpoint-name";
import { EndpointStateBadge, rateTone } from "./endpoint-state";
import { useEndpointHealth, useEndpoints, type EndpointHealth } from "./use-endpoints";
import { BacklogCell } from "@/components/incidents/backlog-cell";
import { useTenantBacklog } from "@/components/incidents/use-incidents";
import { LoadMore } from "@/components/ui/load-more";

type Filter = "all" | "enabled" | "failing" | "disabled";

const FILTERS = [
  { value: "all", label: "All" },
  { value: "enabled", label: "Enabled" },
  { value: "failing", label: "Failing" },
  { value: "disabled", label: "Disabled" },
] as const;

function subscribedTypes(endpoint: EndpointView): string {
  if (endpoint.eventTypes.length === 0) return "All event types";
  if (endpoint.eventTypes.length <= 2) return endpoint.eventTypes.join(", ");
  return `${endpoint.eventTypes.length} event types`;
}

function SuccessRate({ health }: { health: EndpointHealth | undefined }) {
  if (!health) return <span className="text-slate-400">…</span>;
  return (
    <span className="tabular-nums">
      <span className={`font-medium ${rateTone(health.stats.successRate)}`}>
        {formatRate(health.stats.successRate)}
      </span>
      {health.stats.total > 0 && <span className="text-slate-500"> of {formatCount(health.stats.total)}</span>}
    </span>
  );
}

function LastDelivery({ health }: { health: EndpointHealth | undefined }) {
  if (!health) return <span className="text-slate-400">…</span>;
  if (!health.lastAttempt) return <span className="text-slate-500">Never</span>;
  return (
    <span className="inline-flex items-center gap-2">
      <AttemptOutcome status={health.lastAttempt.status} errorKind={health.lastAttempt.errorKind} />
      <Time value={health.lastAttempt.startedAt} className="text-slate-600" />
    </span>
  );
}

/** The endpoint's name (or URL) linking to its page, then its host and path, then what it is for. */
function EndpointCell({ tenantId, endpoint }: { tenantId: string; endpoint: EndpointView }) {
  const address = endpointAddress(endpoint);
  const where =
    endpoint.type === "polling" ? <span className="block truncate">Polling</span> : <EndpointUrl url={endpoint.url} />;
  return (
    <div className="min-w-0 max-w-[22rem]">
      <Link
        href={`/t/${tenantId}/endpoints/${endpoint.id}`}
        // The whole URL for screen readers (and the tests), which the screen shortens.
        aria-label={endpoint.name ? `${endpoint.name} (${address})` : address}
        className="block truncate text-sm font-medium text-brand-700 hover:underline"
        title={address}
      >
        {endpoint.name ?? where}
      </Link>
      {endpoint.name && <span className="block text-xs text-slate-600">{where}</span>}
      <p className="truncate text-xs font-normal text-slate-500">{endpoint.description || subscribedTypes(endpoint)}</p>
    </div>
  );
}

export function EndpointsList({
  tenantId,
  canWrite,
  initialPage,
}: {
  tenantId: string;
  canWrite: boolean;
  initialPage: ListPage<EndpointView>;
}) {
  const [filter, setFilter] = useState<Filter>("all");
  const endpoints = useEndpoints(
    tenantId,
    filter === "all" ? {} : { status: filter },
    filter === "all" ? initialPage : undefined,
  );
  const pages = endpoints.data?.pages ?? [];
  const rows = pages.flatMap((page) => page.data);
  const health = useEndpointHealth(
    tenantId,
    pages.map((page) => page.data.map((endpoint) => endpoint.id)),
  );
  const backlog = useTenantBacklog(tenantId);
  const backlogOf = new Map((backlog.data?.data ?? []).map((entry) => [entry.endpointId, entry]));

  if (filter === "all" && rows.length === 0 && !endpoints.isFetching) {
    return (
      <EmptyState
        title="No endpoints yet"
        action={
          canWrite ? <LinkButton href={`/t/${tenantId}/endpoints/new`}>Add your first endpoint</LinkButton> : undefined
        }
      >
        An endpoint is a URL on your server that receives webhooks.{" "}
        {canWrite
          ? "Add one, then send it a test event to see a signed request arrive."
          : "Ask an admin or owner of this tenant to add one."}
      </EmptyState>
    );
  }

  return (
    <div className="space-y-4">
      <SegmentedControl label="Show endpoints" value={filter} options={FILTERS} onChange={setFilter} />
      {endpoints.isPending ? (
        <div className="grid place-items-center py-10 text-slate-400">
          <Spinner label="Loading endpoints" />
        </div>
      ) : rows.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-surface px-4 py-6 text-center text-sm text-slate-600">
          No {filter} endpoints.
        </p>
      ) : (
        <>
          <Table
            label="Endpoints"
            head={["Endpoint", "Status", "Success (24 h)", "p95 (24 h)", "Backlog", "Last delivery"]}
          >
            {rows.map((endpoint) => {
              const entry = health.byId.get(endpoint.id);
              return (
                <tr key={endpoint.id} className="hover:bg-slate-50">
                  <Td>
                    <EndpointCell tenantId={tenantId} endpoint={endpoint} />
                  </Td>
                  <Td>
                    <EndpointStateBadge endpoint={endpoint} />
                  </Td>
                  <Td>
                    <SuccessRate health={entry} />
                  </Td>
                  <Td className="tabular-nums">{entry ? formatMs(entry.stats.p95Ms) : "…"}</Td>
                  <Td>
                    <BacklogCell backlog={backlogOf.get(endpoint.id)} />
                  </Td>
                  <Td>
                    <LastDelivery health={entry} />
                  </Td>
                </tr>
              );
            })}
          </Table>
          <LoadMore query={endpoints} />
        </>
      )}
    </div>
  );
}
