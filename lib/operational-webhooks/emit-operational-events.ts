// Publishes operational events inside the caller's transaction, so an event exists exactly when
// the change it reports was committed. Each event goes to the operator (the system tenant's
// endpoints) and to the tenant it is about (only to endpoints that subscribed to the type by
// name). Events about the system tenant itself, and exhaustion of operational messages, are not
// emitted: a failing operations endpoint must not feed on its own failures.
import "server-only";
import type pg from "pg";
import { newId } from "@/lib/ids";
import {
  ENABLED_ENDPOINTS_SQL,
  insertMessages,
  type NewMessage,
  type SubscribedEndpoint,
} from "@/lib/messages/insert-messages";
import { isOperationalType, type OperationalEventType } from "./operational-event-types";
import { SYSTEM_TENANT_ID } from "./system-tenant";

export interface OperationalEvent {
  type: OperationalEventType;
  tenantId: string;
  payload: Record<string, unknown>;
  /** For message.attempt.exhausted: the type of the message that ran out of retries. */
  aboutEventType?: string;
}

export async function emitOperationalEvents(
  client: pg.PoolClient,
  events: readonly OperationalEvent[],
): Promise<number> {
  const wanted = events.filter(
    (event) =>
      event.tenantId !== SYSTEM_TENANT_ID && !(event.aboutEventType && isOperationalType(event.aboutEventType)),
  );
  if (!wanted.length) return 0;
  const createdAt = new Date();
  const toMessage = (event: OperationalEvent) => {
    const payload = { tenantId: event.tenantId, ...event.payload };
    return {
      id: newId("message", createdAt.getTime()),
      eventType: event.type,
      payload,
      payloadJson: JSON.stringify(payload),
    };
  };
  let deliveries = 0;
  const operator = await insertMessagesIfListened(client, SYSTEM_TENANT_ID, wanted.map(toMessage), createdAt, false);
  deliveries += operator;
  const byTenant = new Map<string, OperationalEvent[]>();
  for (const event of wanted) byTenant.set(event.tenantId, [...(byTenant.get(event.tenantId) ?? []), event]);
  for (const [tenantId, tenantEvents] of byTenant)
    deliveries += await insertMessagesIfListened(client, tenantId, tenantEvents.map(toMessage), createdAt, true);
  return deliveries;
}

/** Messages only of types some enabled endpoint will receive: no clutter in quiet tenants. */
async function insertMessagesIfListened(
  client: pg.PoolClient,
  tenantId: string,
  messages: NewMessage[],
  createdAt: Date,
  explicitOnly: boolean,
): Promise<number> {
  const { rows: endpoints } = await client.query<SubscribedEndpoint>(ENABLED_ENDPOINTS_SQL, [tenantId]);
  const listened = (type: string) =>
    endpoints.some((row) => (row.event_types?.length ? row.event_types.includes(type) : !explicitOnly));
  const heard = messages.filter((message) => listened(message.eventType));
  if (!heard.length) return 0;
  const counts = await insertMessages(client, tenantId, heard, {
    createdAt,
    explicitSubscriptionsOnly: explicitOnly,
    endpoints,
  });
  return [...counts.values()].reduce((sum, count) => sum + count, 0);
}
