import type { Metadata } from "next";
import { EndpointsList } from "@/components/endpoints/endpoints-list";
import { LinkButton } from "@/components/ui/link-button";
import { PageHeader, tenantCrumbs } from "@/components/ui/page-header";
import { requireTenant } from "@/lib/auth/page-access";
import { listEndpoints } from "@/lib/endpoints";

export const metadata: Metadata = { title: "Endpoints" };

export default async function EndpointsPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant: tenantId } = await params;
  const { canWrite } = await requireTenant(tenantId);
  // The first page is rendered on the server; health and later pages come from the browser.
  const firstPage = await listEndpoints(tenantId, { limit: 50 });
  return (
    <>
      <PageHeader
        title="Endpoints"
        description="Where your webhooks go: each endpoint gets every event type it subscribes to, signed, retried and logged."
        crumbs={tenantCrumbs(tenantId, { label: "Endpoints" })}
        actions={canWrite ? <LinkButton href={`/t/${tenantId}/endpoints/new`}>Add endpoint</LinkButton> : undefined}
      />
      <EndpointsList tenantId={tenantId} canWrite={canWrite} initialPage={firstPage} />
    </>
  );
}
