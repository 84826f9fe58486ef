import { PageHeader } from "@/components/ui/page-header";
import { requireTenant } from "@/lib/auth/page-access";
import { db } from "@/lib/db";

export default async function OverviewPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant: tenantId } = await params;
  await requireTenant(tenantId);
  const tenant = await db().tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { name: true } });
  return <PageHeader title={tenant.name} description="Overview" />;
}
