import type { EventType } from "@/lib/generated/prisma/client";

export interface EventTypeView {
  id: string;
  name: string;
  description: string;
  schema: unknown;
  example: unknown;
  archived: boolean;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export function toEventTypeView(eventType: EventType): EventTypeView {
  return {
    id: eventType.id,
    name: eventType.name,
    description: eventType.description,
    schema: eventType.schema,
    example: eventType.example,
    archived: eventType.archivedAt !== null,
    archivedAt: eventType.archivedAt?.toISOString() ?? null,
    createdAt: eventType.createdAt.toISOString(),
    updatedAt: eventType.updatedAt.toISOString(),
  };
}
