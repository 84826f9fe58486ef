import type { Metadata } from "next";
import { Suspense } from "react";
import { OverviewDashboard } from "@/components/overview/overview-dashboard";
import { liveQueueQuery, tenantStatsKey } from "@/components/overview/tenant-stats-keys";
import { Prefetched } from "@/components/stats/prefetched";
import { statsQueryFor } from "@/components/stats/time-ranges";
import { EmptyState } from "@/components/ui/empty-state";
import { LinkButton } from "@/components/ui/link-button";
import { LoadingBlock } from "@/components/ui/loading-block";
import { PageHeader } from "@/components/ui/page-header";
import { readForPage } from "@/lib/api/read-your-writes";
import { requireTenant } from "@/lib/auth/page-access";
import { ZTenantStatsQuery, type TTenantStatsQuery } from "@/lib/schemas/stats";
import { getTenantStats } from "@/lib/stats/get-tenant-stats";
import { getTenantSummary } from "@/lib/tenants";

export const metadata: Metadata = { title: "Overview" };

/** What the overview asks first: its default range (24 h) and the live queue, for this minute. */
function overviewQueries(tenantId: string) {
  const now = Date.now();
  return [statsQueryFor("24h", now), liveQueueQuery(Math.floor(now / 60_000) * 60_000)].map(
    (query: TTenantStatsQuery) => ({
      queryKey: tenantStatsKey(tenantId, query),
      load: () => readForPage(() => getTenantStats(tenantId, ZTenantStatsQuery.parse(query))),
    }),
  );
}

export default async function OverviewPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant: tenantId } = await params;
  const { canWrite } = await requireTenant(tenantId);
  const tenant = await getTenantSummary(tenantId);
  return (
    <>
      <PageHeader title={tenant.name} description="Overview: how your webhooks are doing." />
      {!tenant.hasEndpoint && (
        <div className="mb-6">
          <EmptyState
            title="Start by adding an endpoint"
            action={canWrite ? <LinkButton href={`/t/${tenantId}/endpoints/new`}>Add endpoint</LinkButton> : undefined}
          >
            Messages published for this tenant are delivered to its endpoints.{" "}
            {canWrite
              ? "Add the URL of your receiver, then send it a test event."
              : "Ask an admin or owner of this tenant to add one."}
          </EmptyState>
        </div>
      )}
      {/* The header first; the dashboard follows with its charts' data (24 h, live queue). The
          fallback mounts no query (components/ui/loading-block.tsx says why). */}
      <Suspense fallback={<LoadingBlock label="Loading the dashboard…" />}>
        <Prefetched queries={overviewQueries(tenantId)}>
          <OverviewDashboard tenantId={tenantId} />
        </Prefetched>
      </Suspense>
    </>
  );
}
