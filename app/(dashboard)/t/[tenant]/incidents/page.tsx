import type { Metadata } from "next";
import { IncidentList } from "@/components/incidents/incident-list";
import { PageHeader, tenantCrumbs } from "@/components/ui/page-header";
import { requireTenant } from "@/lib/auth/page-access";

export const metadata: Metadata = { title: "Incidents" };

export default async function IncidentsPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant: tenantId } = await params;
  const { canWrite } = await requireTenant(tenantId);
  return (
    <>
      <PageHeader
        title="Incidents"
        description="Failures grouped per endpoint and cause, and health alerts (success rate, p95 latency or backlog against the endpoint's own 7-day baseline). They resolve by themselves once the endpoint recovers."
        crumbs={tenantCrumbs(tenantId, { label: "Incidents" })}
      />
      <IncidentList tenantId={tenantId} canWrite={canWrite} />
    </>
  );
}
