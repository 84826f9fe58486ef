// An endpoint's recent attempts, newest first, for its detail page: every try, whatever the
// message, through the (tenant_id, endpoint_id, id) index, keyset-paginated like every list.
import "server-only";
import type { z } from "zod";
import { keysetFilter, pageArgs, toPage, type Page } from "@/lib/api/paginate";
import { db } from "@/lib/db";
import { toAttemptView } from "@/lib/messages/message-view";
import type { ZEndpointAttemptView, ZListEndpointAttemptsQuery } from "@/lib/schemas/endpoints";
import { getEndpointOrThrow } from "./get-endpoint";

export type EndpointAttemptView = z.infer<typeof ZEndpointAttemptView>;

export async function listEndpointAttempts(
  tenantId: string,
  endpointId: string,
  query: z.output<typeof ZListEndpointAttemptsQuery>,
): Promise<Page<EndpointAttemptView>> {
  await getEndpointOrThrow(tenantId, endpointId);
  const rows = await db().attempt.findMany({
    where: { tenantId, endpointId, id: keysetFilter(query.cursor) },
    include: { delivery: { select: { message: { select: { eventType: true } } } } },
    ...pageArgs(query),
  });
  return toPage(
    rows,
    query,
    (row) => row.id,
    (row) => ({ ...toAttemptView(row), eventType: row.delivery.message.eventType }),
  );
}
