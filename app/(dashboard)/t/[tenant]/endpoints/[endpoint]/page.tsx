import type { Metadata } from "next";
import { Suspense } from "react";
import { EndpointActions } from "@/components/endpoints/endpoint-actions";
import { EndpointDetail } from "@/components/endpoints/endpoint-detail";
import { LiveEndpointBadge } from "@/components/endpoints/live-endpoint-badge";
import { endpointKeys } from "@/components/endpoints/endpoint-keys";
import { endpointAddress, endpointCrumb } from "@/components/endpoints/endpoint-name";
import { Prefetched } from "@/components/stats/prefetched";
import { statsQueryFor } from "@/components/stats/time-ranges";
import { LoadingBlock } from "@/components/ui/loading-block";
import { PageHeader, tenantCrumbs } from "@/components/ui/page-header";
import { requireTenant } from "@/lib/auth/page-access";
import { getEndpointStatsFor, toEndpointView } from "@/lib/endpoints";
import { overlapUntil } from "@/lib/endpoints/secret-overlap";
import { ZEndpointStatsQuery } from "@/lib/schemas/endpoints";
import { env } from "@/lib/env";
import { loadEndpoint } from "./load-endpoint";

export const metadata: Metadata = { title: "Endpoint" };

/** What the endpoint's page asks first: its charts' default range (24 h), for this minute. */
function endpointQueries(tenantId: string, endpointId: string) {
  const stats = statsQueryFor("24h", Date.now());
  return [
    {
      queryKey: endpointKeys.stats(tenantId, endpointId, stats),
      load: () => getEndpointStatsFor(tenantId, endpointId, ZEndpointStatsQuery.parse(stats)),
    },
  ];
}

export default async function EndpointPage({
  params,
  searchParams,
}: {
  params: Promise<{ tenant: string; endpoint: string }>;
  searchParams: Promise<{ created?: string }>;
}) {
  const { tenant: tenantId, endpoint: endpointId } = await params;
  const { created } = await searchParams;
  const { canWrite } = await requireTenant(tenantId);
  const row = await loadEndpoint(tenantId, endpointId);
  const endpoint = toEndpointView(row);
  const detail = (
    <EndpointDetail
      tenantId={tenantId}
      initialEndpoint={endpoint}
      canWrite={canWrite}
      secretOverlapMs={env().HOOKLINE_SECRET_OVERLAP_MS}
      previousSecretExpiresAt={overlapUntil(row.previousSecretExpiresAt)}
      justCreated={created === "1"}
    />
  );
  return (
    <>
      <PageHeader
        title={
          <span className="flex min-w-0 items-center gap-3">
            {endpoint.name ? (
              <span className="truncate">{endpoint.name}</span>
            ) : (
              <span className="truncate font-mono text-xl" title={endpointAddress(endpoint)}>
                {endpointAddress(endpoint)}
              </span>
            )}
            <LiveEndpointBadge tenantId={tenantId} initialEndpoint={endpoint} />
          </span>
        }
        description={
          endpoint.name ? (
            <>
              <span className="block break-all font-mono text-slate-700">{endpointAddress(endpoint)}</span>
              {endpoint.description}
            </>
          ) : (
            endpoint.description || undefined
          )
        }
        crumbs={tenantCrumbs(
          tenantId,
          { label: "Endpoints", href: `/t/${tenantId}/endpoints` },
          { label: endpointCrumb(endpoint) },
        )}
        actions={canWrite ? <EndpointActions tenantId={tenantId} initialEndpoint={endpoint} /> : undefined}
      />
      {/* The header first; the charts, attempts and tools follow with the charts' data (24 h).
          The fallback mounts no query (components/ui/loading-block.tsx says why). */}
      <Suspense fallback={<LoadingBlock label="Loading the endpoint's charts and attempts…" />}>
        <Prefetched queries={endpointQueries(tenantId, endpointId)}>{detail}</Prefetched>
      </Suspense>
    </>
  );
}
