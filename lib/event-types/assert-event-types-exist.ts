import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { isOperationalType } from "@/lib/operational-webhooks/operational-event-catalog";

/**
 * Endpoint filters may only name event types of the catalog (archived ones included), or
 * Hookline's operational types, which are not in the catalog but may be subscribed to by name.
 */
export async function assertEventTypesExist(names: readonly string[]): Promise<void> {
  const unique = [...new Set(names)].filter((name) => !isOperationalType(name));
  if (unique.length === 0) return;
  const found = await db().eventType.findMany({ where: { name: { in: unique } }, select: { name: true } });
  const known = new Set(found.map((row) => row.name));
  const missing = unique.filter((name) => !known.has(name));
  if (missing.length) {
    throw new AppError(
      "event_type_unknown",
      `Unknown event type(s): ${missing.join(", ")}.`,
      missing.map((name) => ({ path: "eventTypes", message: `${name} is not in the catalog` })),
    );
  }
}
