import type { Metadata } from "next";
import { EventTypeCatalog } from "@/components/event-types/event-type-catalog";
import { PageHeader, tenantCrumbs } from "@/components/ui/page-header";
import { requireTenant } from "@/lib/auth/page-access";
import { listEventTypes } from "@/lib/event-types";
import { ZListEventTypesQuery } from "@/lib/schemas/event-types";

export const metadata: Metadata = { title: "Event types" };

/** The event-type catalog, read-only: what this tenant's endpoints can subscribe to and what each message holds. */
export default async function EventTypesPage({
  params,
  searchParams,
}: {
  params: Promise<{ tenant: string }>;
  searchParams: Promise<{ q?: string | string[] }>;
}) {
  const { tenant: tenantId } = await params;
  await requireTenant(tenantId);
  const { q } = await searchParams;
  const page = await listEventTypes(ZListEventTypesQuery.parse({ limit: 250, includeArchived: "true" }));
  return (
    <>
      <PageHeader
        title="Event types"
        description="The kinds of message the platform publishes: what each one means and the payload it carries."
        crumbs={tenantCrumbs(tenantId, { label: "Event types" })}
      />
      <EventTypeCatalog tenantId={tenantId} initialSearch={(Array.isArray(q) ? q[0] : q) ?? ""} initialPage={page} />
    </>
  );
}
