import "server-only";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { Message } from "@/lib/generated/prisma/client";
import { deliveryIdRangeForMessages } from "./id-floor";
import { toDeliveryView, toMessageView, type MessageView } from "./message-view";

export async function getMessageOrThrow(tenantId: string, messageId: string): Promise<Message> {
  const message = await db().message.findFirst({ where: { id: messageId, tenantId } });
  if (!message) throw notFound("Message");
  return message;
}

/** The payload as published and, per endpoint, where its delivery stands. */
export async function getMessage(tenantId: string, messageId: string): Promise<MessageView> {
  const message = await getMessageOrThrow(tenantId, messageId);
  const deliveries = await db().delivery.findMany({
    where: { tenantId, messageId, id: deliveryIdRangeForMessages([messageId]) },
    include: { endpoint: { select: { url: true } } },
    orderBy: { id: "asc" },
  });
  // The endpoints whose payload filter did not match at publish (their URL while they still exist).
  const skipped = message.skippedEndpointIds ?? [];
  const skippedUrls = skipped.length
    ? new Map(
        (
          await db().endpoint.findMany({ where: { tenantId, id: { in: skipped } }, select: { id: true, url: true } })
        ).map((endpoint) => [endpoint.id, endpoint.url]),
      )
    : new Map<string, string>();
  return toMessageView(
    message,
    deliveries.map(toDeliveryView),
    skipped.map((endpointId) => ({ endpointId, endpointUrl: skippedUrls.get(endpointId) ?? null })),
  );
}
