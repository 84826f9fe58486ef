import type { Metadata } from "next";
import { TenantsList } from "@/components/operator/tenants-list";
import { TENANT_USAGE_QUERY } from "@/components/operator/queries";
import { PageHeader } from "@/components/ui/page-header";
import { requireOperator } from "@/lib/auth/page-access";
import { listTenantUsage } from "@/lib/system";

export const metadata: Metadata = { title: "Tenants" };

/** Operators: every tenant with its usage, and creating tenants. Anyone else: 404. */
export default async function OperatorTenantsPage() {
  const user = await requireOperator();
  const firstPage = await listTenantUsage(user, TENANT_USAGE_QUERY);
  return (
    <>
      <PageHeader
        title="Tenants"
        description="Every tenant of this installation, with what it uses."
        crumbs={[{ label: "Operator" }, { label: "Tenants" }]}
      />
      <TenantsList initialPage={firstPage} />
    </>
  );
}
