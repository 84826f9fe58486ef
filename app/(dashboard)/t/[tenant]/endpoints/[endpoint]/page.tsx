import type { Metadata } from "next";
import { EndpointActions } from "@/components/endpoints/endpoint-actions";
import { EndpointDetail } from "@/components/endpoints/endpoint-detail";
import { LiveEndpointBadge } from "@/components/endpoints/live-endpoint-badge";
import { PageHeader } from "@/components/ui/page-header";
import { requireTenant } from "@/lib/auth/page-access";
import { toEndpointView } from "@/lib/endpoints";
import { overlapUntil } from "@/lib/endpoints/secret-overlap";
import { env } from "@/lib/env";
import { loadEndpoint } from "./load-endpoint";

export const metadata: Metadata = { title: "Endpoint" };

export default async function EndpointPage({ params }: { params: Promise<{ tenant: string; endpoint: string }> }) {
  const { tenant: tenantId, endpoint: endpointId } = await params;
  const { canWrite } = await requireTenant(tenantId);
  const row = await loadEndpoint(tenantId, endpointId);
  const endpoint = toEndpointView(row);
  return (
    <>
      <PageHeader
        title={
          <span className="flex min-w-0 items-center gap-3">
            <span className="truncate font-mono text-xl" title={endpoint.url}>
              {endpoint.url}
            </span>
            <LiveEndpointBadge tenantId={tenantId} initialEndpoint={endpoint} />
          </span>
        }
        description={endpoint.description || undefined}
        crumbs={[
          { label: "Overview", href: `/t/${tenantId}` },
          { label: "Endpoints", href: `/t/${tenantId}/endpoints` },
          { label: new URL(endpoint.url).host },
        ]}
        actions={canWrite ? <EndpointActions tenantId={tenantId} initialEndpoint={endpoint} /> : undefined}
      />
      <EndpointDetail
        tenantId={tenantId}
        initialEndpoint={endpoint}
        canWrite={canWrite}
        secretOverlapMs={env().HOOKLINE_SECRET_OVERLAP_MS}
        previousSecretExpiresAt={overlapUntil(row.previousSecretExpiresAt)}
      />
    </>
  );
}
