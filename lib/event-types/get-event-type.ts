import "server-only";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { EventType } from "@/lib/generated/prisma/client";
import { toEventTypeView, type EventTypeView } from "./event-type-view";
import { isReservedEventType } from "./reserved-event-types";

/** Event types are addressed by their name, which never changes. */
export async function getEventTypeOrThrow(name: string): Promise<EventType> {
  const eventType = await db().eventType.findUnique({ where: { name } });
  if (!eventType) throw notFound("Event type");
  return eventType;
}

/** One type of the catalog; the reserved operational types are not in it (404). */
export async function getEventType(name: string): Promise<EventTypeView> {
  if (isReservedEventType(name)) throw notFound("Event type");
  return toEventTypeView(await getEventTypeOrThrow(name));
}
