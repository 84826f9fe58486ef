import type { Metadata } from "next";
import { EndpointForm } from "@/components/endpoints/endpoint-form";
import { PageHeader, tenantCrumbs } from "@/components/ui/page-header";
import { requireTenant } from "@/lib/auth/page-access";

export const metadata: Metadata = { title: "Add endpoint" };

export default async function NewEndpointPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant: tenantId } = await params;
  await requireTenant(tenantId, "write");
  return (
    <div className="max-w-3xl">
      <PageHeader
        title="Add endpoint"
        description="A signing secret is created with the endpoint; copy it into your receiver from the endpoint's page."
        crumbs={tenantCrumbs(tenantId, { label: "Endpoints", href: `/t/${tenantId}/endpoints` }, { label: "New" })}
      />
      <EndpointForm tenantId={tenantId} />
    </div>
  );
}
