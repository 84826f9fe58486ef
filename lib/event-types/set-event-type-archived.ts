import "server-only";
import { db } from "@/lib/db";
import { toEventTypeView, type EventTypeView } from "./event-type-view";
import { getEventTypeOrThrow } from "./get-event-type";
import { assertNotReserved } from "./reserved-event-types";

/** Archived types cannot be published any more; their history stays readable. */
export async function setEventTypeArchived(name: string, archived: boolean): Promise<EventTypeView> {
  assertNotReserved(name, "name");
  const current = await getEventTypeOrThrow(name);
  if ((current.archivedAt !== null) === archived) return toEventTypeView(current);
  const updated = await db().eventType.update({ where: { name }, data: { archivedAt: archived ? new Date() : null } });
  return toEventTypeView(updated);
}
