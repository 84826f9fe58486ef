import "server-only";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { Message } from "@/lib/generated/prisma/client";
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
    where: { tenantId, messageId },
    include: { endpoint: { select: { url: true } } },
    orderBy: { id: "asc" },
  });
  return toMessageView(message, deliveries.map(toDeliveryView));
}
