import "server-only";
import { scheduleToMs } from "@/lib/queue/retry-schedule";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { newId } from "@/lib/ids";
import { ZCreateEventType, type TCreateEventType } from "@/lib/schemas/event-types";
import { checkJsonSchema, validateAgainstSchema } from "./json-schema";
import { toEventTypeView, type EventTypeView } from "./event-type-view";
import { assertNotReserved } from "./reserved-event-types";

/** Checks a schema/example pair: the schema must be valid, the example must match it. */
export function assertSchemaAndExample(schema: object | null, example: object | null): void {
  if (schema) {
    const issues = checkJsonSchema(schema);
    if (issues.length)
      throw new AppError("validation_failed", "The schema is not a valid JSON Schema (draft 2020-12).", issues);
  }
  if (schema && example) {
    const issues = validateAgainstSchema(schema, example, `example:${JSON.stringify(schema)}`, "example");
    if (issues.length) throw new AppError("validation_failed", "The example does not match the schema.", issues);
  }
}

export async function createEventType(input: TCreateEventType): Promise<EventTypeView> {
  const data = ZCreateEventType.parse(input);
  assertNotReserved(data.name, "name");
  assertSchemaAndExample(data.schema, data.example);
  const existing = await db().eventType.findUnique({ where: { name: data.name }, select: { id: true } });
  if (existing) throw new AppError("conflict", `An event type named ${data.name} already exists.`);
  const created = await db().eventType.create({
    data: {
      id: newId("eventType"),
      name: data.name,
      description: data.description,
      schema: (data.schema ?? undefined) as Prisma.InputJsonObject | undefined,
      example: (data.example ?? undefined) as Prisma.InputJsonObject | undefined,
      retrySchedule: scheduleToMs(data.retrySchedule),
    },
  });
  return toEventTypeView(created);
}
