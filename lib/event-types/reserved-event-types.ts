// Hookline's own operational event types (lib/operational-webhooks/operational-event-catalog.ts) are a
// reserved namespace: a tenant's catalog never lists them, and nobody creates, edits, archives,
// publishes or test-sends them through the API. Otherwise a tenant key could publish a forged
// `endpoint.disabled` to every endpoint that trusts it. Only the engine emits them.
import { AppError } from "@/lib/errors";
import {
  isReservedEventType,
  RESERVED_EVENT_TYPE_PREFIXES,
} from "@/lib/operational-webhooks/operational-event-catalog";

export { isReservedEventType, RESERVED_EVENT_TYPE_PREFIXES };

export function reservedEventTypeError(name: string, path = "eventType"): AppError {
  return new AppError(
    "event_type_reserved",
    `${name} is in Hookline's reserved namespace (${RESERVED_EVENT_TYPE_PREFIXES.map((prefix) => `${prefix}*`).join(", ")}): only Hookline itself sends these operational events.`,
    [{ path, message: "is a reserved operational event type" }],
  );
}

export function assertNotReserved(name: string, path = "eventType"): void {
  if (isReservedEventType(name)) throw reservedEventTypeError(name, path);
}

/** Prisma `where` for the catalog's lists: everything but the reserved namespace. */
export const NOT_RESERVED = {
  NOT: RESERVED_EVENT_TYPE_PREFIXES.map((prefix) => ({ name: { startsWith: prefix, mode: "insensitive" as const } })),
};
