// The message log: newest first, filtered by type, delivery status, endpoint and time. A time
// range becomes an id range (ids start with their creation time), so every filter rides the
// (tenant_id, id) index; status and endpoint filters are an EXISTS on the delivery queue.
// Each row carries its deliveries' states per endpoint, so a log can badge every endpoint.
import "server-only";
import { keysetFilter, pageArgs, toPage, type Page } from "@/lib/api/paginate";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { idFloorAt } from "@/lib/ids";
import type { TListMessagesQuery } from "@/lib/schemas/messages";
import { deliveryIdRangeForMessages } from "./id-floor";
import { toMessageSummary, type MessageSummary } from "./message-view";

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
      // message_labels' primary key (tenant, kind, value, message id): one label's messages by id.
      ...(query.channel ? { labels: { some: { tenantId, kind: "channel", value: query.channel } } } : {}),
      ...(query.tag ? { AND: { labels: { some: { tenantId, kind: "tag", value: query.tag } } } } : {}),
      ...(Object.keys(deliveryFilter).length ? { deliveries: { some: deliveryFilter } } : {}),
    },
    ...pageArgs(query),
  });
  const page = toPage(
    rows,
    query,
    (row) => row.id,
    (row) => row,
  );
  // Each endpoint's delivery of the page's messages, in one query on deliveries' unique
  // (message_id, endpoint_id) index: the log's per-endpoint badges and its status counts; only
  // the partitions of the page's days.
  const messageIds = page.data.map((message) => message.id);
  const deliveries = await db().delivery.findMany({
    where: { tenantId, messageId: { in: messageIds }, id: deliveryIdRangeForMessages(messageIds) },
    select: { messageId: true, endpointId: true, status: true, attemptCount: true, lastStatusCode: true },
    orderBy: { endpointId: "asc" },
  });
  const byMessage = new Map<string, MessageSummary["endpoints"]>();
  for (const { messageId, ...state } of deliveries) {
    const states = byMessage.get(messageId) ?? [];
    states.push(state);
    byMessage.set(messageId, states);
  }
  return {
    data: page.data.map((message) => toMessageSummary(message, byMessage.get(message.id))),
    nextCursor: page.nextCursor,
  };
}
