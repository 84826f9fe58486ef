import type { Metadata } from "next";
import { CatalogEditor } from "@/components/operator/catalog-editor";
import { CATALOG_QUERY } from "@/components/operator/queries";
import { PageHeader } from "@/components/ui/page-header";
import { requireOperator } from "@/lib/auth/page-access";
import { listEventTypes } from "@/lib/event-types";

export const metadata: Metadata = { title: "Catalog" };

/** Operators: the event-type catalog editor. Anyone else: 404. */
export default async function OperatorCatalogPage() {
  await requireOperator();
  const firstPage = await listEventTypes(CATALOG_QUERY);
  return (
    <>
      <PageHeader
        title="Event-type catalog"
        description="The event types publishers may send, each with a JSON Schema and an example."
        crumbs={[{ label: "Operator" }, { label: "Catalog" }]}
      />
      <CatalogEditor initialPage={firstPage} />
    </>
  );
}
