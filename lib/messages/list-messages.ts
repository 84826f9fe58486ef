// The message log: newest first, filtered by type, delivery status, endpoint and time. A time
// range becomes an id range (ids start with their creation time), so every filter rides the
// (tenant_id, id) index; status and endpoint filters are an EXISTS on the delivery queue.
import "server-only";
import { keysetFilter, pageArgs, toPage, type Page } from "@/lib/api/paginate";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { idFloorAt } from "@/lib/ids";
import type { TListMessagesQuery } from "@/lib/schemas/messages";
import { noDeliveries, toMessageSummary, type MessageSummary } from "./message-view";

export async function listMessages(tenantId: string, query: TListMessagesQuery): Promise<Page<MessageSummary>> {
  const deliveryFilter: Prisma.DeliveryWhereInput = {
    ...(query.status ? { status: query.status } : {}),
    ...(query.endpointId ? { endpointId: query.endpointId, tenantId } : {}),
  };
  const rows = await db().message.findMany({
    where: {
      tenantId,
      id: keysetFilter(query.cursor, {
        gte: query.from ? idFloorAt("message", query.from) : undefined,
        lt: query.to ? idFloorAt("message", query.to) : undefined,
      }),
      ...(query.eventType ? { eventType: query.eventType } : {}),
      ...(Object.keys(deliveryFilter).length ? { deliveries: { some: deliveryFilter } } : {}),
    },
    ...pageArgs(query),
  });
  const page = toPage(rows, query, (row) => row.id, (row) => row);
  const counts = await db().delivery.groupBy({
    by: ["messageId", "status"],
    where: { tenantId, messageId: { in: page.data.map((message) => message.id) } },
    _count: { _all: true },
  });
  const byMessage = new Map<string, ReturnType<typeof noDeliveries>>();
  for (const row of counts) {
    const tally = byMessage.get(row.messageId) ?? noDeliveries();
    tally[row.status] = row._count._all;
    byMessage.set(row.messageId, tally);
  }
  return { data: page.data.map((message) => toMessageSummary(message, byMessage.get(message.id))), nextCursor: page.nextCursor };
}
