import type { Metadata } from "next";
import { filtersFromSearchParams, LOG_PAGE_SIZE, NO_FILTERS, toLogQuery } from "@/components/messages/message-filters";
import { MessageLog } from "@/components/messages/message-log";
import { MessageSearch } from "@/components/messages/message-search";
import { PageHeader, tenantCrumbs } from "@/components/ui/page-header";
import { readForPage } from "@/lib/api/read-your-writes";
import { requireTenant } from "@/lib/auth/page-access";
import { env } from "@/lib/env";
import { listMessages } from "@/lib/messages";
import { ZListMessagesQuery } from "@/lib/schemas/messages";

export const metadata: Metadata = { title: "Messages" };

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * The log's first page for the URL's filters, rendered on the server for a quick first paint.
 * Relative ranges ("last 24 hours") count back from now, the anchor the client keeps using.
 */
async function firstPage(tenantId: string, searchParams: SearchParams) {
  const anchor = Date.now();
  let filters = filtersFromSearchParams(searchParams);
  let query = ZListMessagesQuery.safeParse({ ...toLogQuery(filters, anchor), limit: LOG_PAGE_SIZE });
  // A hand-edited URL with a filter the API refuses shows the whole log rather than an error.
  if (!query.success) {
    filters = NO_FILTERS;
    query = ZListMessagesQuery.safeParse({ limit: LOG_PAGE_SIZE });
  }
  return { filters, anchor, page: await readForPage(() => listMessages(tenantId, query.data!)) };
}

export default async function MessagesPage({
  params,
  searchParams,
}: {
  params: Promise<{ tenant: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { tenant: tenantId } = await params;
  const { principal } = await requireTenant(tenantId);
  const initial = await firstPage(tenantId, await searchParams);
  return (
    <>
      <PageHeader
        title="Messages"
        description="Every message published to this tenant, and its delivery to each endpoint."
        crumbs={tenantCrumbs(tenantId, { label: "Messages" })}
        actions={<MessageSearch tenantId={tenantId} />}
      />
      <MessageLog
        tenantId={tenantId}
        publicUrl={principal.kind === "portal" ? null : env().HOOKLINE_PUBLIC_URL}
        initial={initial}
      />
    </>
  );
}
