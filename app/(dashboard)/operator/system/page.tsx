import type { Metadata } from "next";
import { SystemStatus } from "@/components/operator/system-status";
import { PageHeader } from "@/components/ui/page-header";
import { requireOperator } from "@/lib/auth/page-access";
import { getSystemStatus } from "@/lib/system";

export const metadata: Metadata = { title: "System" };

/** Operators: queue depth, attempt rate, workers and failing endpoints. Anyone else: 404. */
export default async function OperatorSystemPage() {
  await requireOperator();
  const status = await getSystemStatus();
  return (
    <>
      <PageHeader
        title="System"
        description="The delivery queue, the workers and what is failing, across all tenants."
        crumbs={[{ label: "Operator" }, { label: "System" }]}
      />
      <SystemStatus initial={status} />
    </>
  );
}
