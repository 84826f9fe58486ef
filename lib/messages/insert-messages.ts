// The write half of publishing: the messages, one delivery per enabled endpoint of the tenant
// that takes each message's type, and the NOTIFY that wakes the workers, in ONE statement
// (data-modifying CTEs: all rows or none, foreign keys checked at its end, the NOTIFY sent on
// commit). Run on the pool it is its own transaction (a publish without idempotency keys: one
// round trip); run on a transaction's client it joins that transaction (publishes with
// idempotency keys, and operational events, written with the change they report).
import "server-only";
import type pg from "pg";
import { DELIVERIES_CHANNEL } from "@/lib/deliveries/channel";
import { newId } from "@/lib/ids";

export interface NewMessage {
  id: string;
  eventType: string;
  /** The payload as stored and delivered (compact JSON text). */
  payloadJson: string;
  idempotencyKey?: string;
}

/** An enabled endpoint and its event-type filter (null or empty: every type). */
export interface SubscribedEndpoint {
  id: string;
  event_types: string[] | null;
}

export interface InsertOptions {
  createdAt: Date;
  /**
   * Only endpoints that name the type in their filter (not the "every type" ones): for
   * operational events, which a tenant receives only where it asked for them explicitly.
   */
  explicitSubscriptionsOnly?: boolean;
  /** The tenant's enabled endpoints when the caller has read them already (publishing does, with the event types). */
  endpoints?: readonly SubscribedEndpoint[];
}

type Queryable = Pick<pg.Pool | pg.PoolClient, "query">;

export const ENABLED_ENDPOINTS_SQL = `SELECT id, event_types FROM endpoints WHERE tenant_id = $1 AND disabled_at IS NULL`;

const INSERT_SQL = `WITH m AS (
    INSERT INTO messages (id, tenant_id, event_type, payload, idempotency_key, created_at)
    SELECT id, $1, event_type, payload::json, idempotency_key, $6
      FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]) AS m(id, event_type, payload, idempotency_key)
  ), d AS (
    INSERT INTO deliveries (id, tenant_id, message_id, endpoint_id, next_attempt_at, created_at)
    SELECT id, $1, message_id, endpoint_id, $6, $6 FROM unnest($7::text[], $8::text[], $9::text[]) AS d(id, message_id, endpoint_id)
  )
  SELECT CASE WHEN cardinality($7::text[]) > 0 THEN pg_notify($10, '') END`;

/** Inserts the messages and their deliveries; returns the number of deliveries per message id. */
export async function insertMessages(db: Queryable, tenantId: string, messages: readonly NewMessage[], options: InsertOptions): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (!messages.length) return counts;
  const { createdAt } = options;
  const endpoints = options.endpoints ?? (await db.query<SubscribedEndpoint>({ name: "hookline_enabled_endpoints", text: ENABLED_ENDPOINTS_SQL, values: [tenantId] })).rows;
  const deliveryIds: string[] = [];
  const deliveryMessages: string[] = [];
  const deliveryEndpoints: string[] = [];
  for (const message of messages) {
    for (const endpoint of endpoints) {
      const filter = endpoint.event_types ?? [];
      const subscribed = filter.length ? filter.includes(message.eventType) : !options.explicitSubscriptionsOnly;
      if (!subscribed) continue;
      deliveryIds.push(newId("delivery", createdAt.getTime()));
      deliveryMessages.push(message.id);
      deliveryEndpoints.push(endpoint.id);
      counts.set(message.id, (counts.get(message.id) ?? 0) + 1);
    }
  }
  await db.query({
    name: "hookline_insert_messages",
    text: INSERT_SQL,
    values: [
      tenantId,
      messages.map((m) => m.id),
      messages.map((m) => m.eventType),
      messages.map((m) => m.payloadJson),
      messages.map((m) => m.idempotencyKey ?? null),
      createdAt,
      deliveryIds,
      deliveryMessages,
      deliveryEndpoints,
      DELIVERIES_CHANNEL,
    ],
  });
  return counts;
}
