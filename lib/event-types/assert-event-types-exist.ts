import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** Endpoint filters may only name event types of the catalog (archived ones included). */
export async function assertEventTypesExist(names: readonly string[]): Promise<void> {
  if (names.length === 0) return;
  const unique = [...new Set(names)];
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
