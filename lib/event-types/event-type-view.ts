import type { z } from "zod";
import type { EventType } from "@/lib/generated/prisma/client";
import type { ZEventTypeView } from "@/lib/schemas/event-types";
import { scheduleFromMs } from "@/lib/queue/retry-schedule";

export type EventTypeView = z.infer<typeof ZEventTypeView>;

export function toEventTypeView(eventType: EventType): EventTypeView {
  return {
    id: eventType.id,
    name: eventType.name,
    description: eventType.description,
    schema: eventType.schema as EventTypeView["schema"],
    example: eventType.example as EventTypeView["example"],
    retrySchedule: scheduleFromMs(eventType.retrySchedule),
    archived: eventType.archivedAt !== null,
    archivedAt: eventType.archivedAt?.toISOString() ?? null,
    createdAt: eventType.createdAt.toISOString(),
    updatedAt: eventType.updatedAt.toISOString(),
  };
}
