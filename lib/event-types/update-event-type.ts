import "server-only";
import { scheduleToMs } from "@/lib/queue/retry-schedule";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { ZUpdateEventType, type TUpdateEventType } from "@/lib/schemas/event-types";
import { assertSchemaAndExample } from "./create-event-type";
import { toEventTypeView, type EventTypeView } from "./event-type-view";
import { getEventTypeOrThrow } from "./get-event-type";
import { assertNotReserved } from "./reserved-event-types";

/** null clears the schema or example (a SQL NULL, not a JSON null). */
const jsonColumn = (value: Record<string, unknown> | null) =>
  value === null ? Prisma.DbNull : (value as Prisma.InputJsonObject);

/**
 * Changes the description, schema or example. The result must still hold together: a new
 * schema is checked against the kept example and a new example against the kept schema.
 */
export async function updateEventType(name: string, input: TUpdateEventType): Promise<EventTypeView> {
  const patch = ZUpdateEventType.parse(input);
  assertNotReserved(name, "name");
  const current = await getEventTypeOrThrow(name);
  const schema = patch.schema !== undefined ? patch.schema : (current.schema as Record<string, unknown> | null);
  const example = patch.example !== undefined ? patch.example : (current.example as Record<string, unknown> | null);
  assertSchemaAndExample(schema, example);
  const updated = await db().eventType.update({
    where: { name },
    data: {
      ...(patch.description !== undefined ? { description: patch.description } : {}),
      ...(patch.schema !== undefined ? { schema: jsonColumn(patch.schema) } : {}),
      ...(patch.example !== undefined ? { example: jsonColumn(patch.example) } : {}),
      ...(patch.retrySchedule !== undefined ? { retrySchedule: scheduleToMs(patch.retrySchedule) } : {}),
    },
  });
  return toEventTypeView(updated);
}
