import type { Metadata } from "next";
import { EndpointForm } from "@/components/endpoints/endpoint-form";
import { endpointAddress, endpointCrumb } from "@/components/endpoints/endpoint-name";
import { PageHeader, tenantCrumbs } from "@/components/ui/page-header";
import { requireTenant } from "@/lib/auth/page-access";
import { getEndpointHeaders, toEndpointView } from "@/lib/endpoints";
import { loadEndpoint } from "../load-endpoint";

export const metadata: Metadata = { title: "Edit endpoint" };

export default async function EditEndpointPage({ params }: { params: Promise<{ tenant: string; endpoint: string }> }) {
  const { tenant: tenantId, endpoint: endpointId } = await params;
  await requireTenant(tenantId, "write");
  const endpoint = toEndpointView(await loadEndpoint(tenantId, endpointId));
  const { headers } = await getEndpointHeaders(tenantId, endpointId);
  return (
    <div className="max-w-3xl">
      <PageHeader
        title="Edit endpoint"
        description={<span className="break-all font-mono">{endpointAddress(endpoint)}</span>}
        crumbs={tenantCrumbs(
          tenantId,
          { label: "Endpoints", href: `/t/${tenantId}/endpoints` },
          { label: endpointCrumb(endpoint), href: `/t/${tenantId}/endpoints/${endpointId}` },
          { label: "Edit" },
        )}
      />
      <EndpointForm tenantId={tenantId} endpoint={endpoint} headers={headers} />
    </div>
  );
}
