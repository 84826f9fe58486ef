// The write half of publishing, inside the caller's transaction: the messages, one delivery per
// enabled endpoint of the tenant that takes each message's type, and the NOTIFY that wakes the
// workers (sent on commit). Used by publishing and by operational events, which are written in
// the same transaction as the change they report.
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

export interface InsertOptions {
  createdAt: Date;
  /**
   * Only endpoints that name the type in their filter (not the "every type" ones): for
   * operational events, which a tenant receives only where it asked for them explicitly.
   */
  explicitSubscriptionsOnly?: boolean;
}

/** Inserts the messages and their deliveries; returns the number of deliveries per message id. */
export async function insertMessages(client: pg.PoolClient, tenantId: string, messages: readonly NewMessage[], options: InsertOptions): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (!messages.length) return counts;
  const { createdAt } = options;
  await client.query(
    `INSERT INTO messages (id, tenant_id, event_type, payload, idempotency_key, created_at)
     SELECT id, $1, event_type, payload::json, idempotency_key, $6 FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]) AS m(id, event_type, payload, idempotency_key)`,
    [tenantId, messages.map((m) => m.id), messages.map((m) => m.eventType), messages.map((m) => m.payloadJson), messages.map((m) => m.idempotencyKey ?? null), createdAt],
  );
  const { rows: endpoints } = await client.query<{ id: string; event_types: string[] | null }>(
    `SELECT id, event_types FROM endpoints WHERE tenant_id = $1 AND disabled_at IS NULL`,
    [tenantId],
  );
  const deliveries: Array<{ id: string; messageId: string; endpointId: string }> = [];
  for (const message of messages) {
    for (const endpoint of endpoints) {
      const filter = endpoint.event_types ?? [];
      const subscribed = filter.length ? filter.includes(message.eventType) : !options.explicitSubscriptionsOnly;
      if (!subscribed) continue;
      deliveries.push({ id: newId("delivery", createdAt.getTime()), messageId: message.id, endpointId: endpoint.id });
      counts.set(message.id, (counts.get(message.id) ?? 0) + 1);
    }
  }
  if (deliveries.length) {
    await client.query(
      `INSERT INTO deliveries (id, tenant_id, message_id, endpoint_id, next_attempt_at, created_at)
       SELECT id, $1, message_id, endpoint_id, $5, $5 FROM unnest($2::text[], $3::text[], $4::text[]) AS d(id, message_id, endpoint_id)`,
      [tenantId, deliveries.map((d) => d.id), deliveries.map((d) => d.messageId), deliveries.map((d) => d.endpointId), createdAt],
    );
    await client.query(`SELECT pg_notify($1, '')`, [DELIVERIES_CHANNEL]);
  }
  return counts;
}
