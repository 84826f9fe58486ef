import type { Metadata } from "next";
import { OverviewDashboard } from "@/components/overview/overview-dashboard";
import { EmptyState } from "@/components/ui/empty-state";
import { LinkButton } from "@/components/ui/link-button";
import { PageHeader } from "@/components/ui/page-header";
import { requireTenant } from "@/lib/auth/page-access";
import { db } from "@/lib/db";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant: tenantId } = await params;
  const { canWrite } = await requireTenant(tenantId);
  const [tenant, anyEndpoint] = await Promise.all([
    db().tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { name: true } }),
    db().endpoint.findFirst({ where: { tenantId }, select: { id: true } }),
  ]);
  return (
    <>
      <PageHeader title={tenant.name} description="Overview: how your webhooks are doing." />
      {!anyEndpoint && (
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
      <OverviewDashboard tenantId={tenantId} />
    </>
  );
}
