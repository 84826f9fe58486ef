// The write half of publishing: the messages, one delivery per enabled endpoint of the tenant
// that takes each message's type, and the NOTIFY that wakes the workers, in ONE statement
// (data-modifying CTEs: all rows or none, foreign keys checked at its end, the NOTIFY sent on
// commit). Either inside the caller's transaction (publishes with idempotency keys, and
// operational events, written with the change they report), or as its own transaction: then
// concurrent publishes share the statement (group commit, lib/database/coalesce.ts): one round
// trip and one commit for every publish that arrived while the previous ones were written.
import "server-only";
import type pg from "pg";
import { coalesce } from "@/lib/database/coalesce";
import { processState } from "@/lib/process-state";
import { pool } from "@/lib/db";
import { DELIVERIES_CHANNEL } from "@/lib/queue/channel";
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
  /** The tenant's enabled endpoints, as the caller read them (publishing with the event types, operational events with ENABLED_ENDPOINTS_SQL). */
  endpoints: readonly SubscribedEndpoint[];
}

export const ENABLED_ENDPOINTS_SQL = `SELECT id, event_types FROM endpoints WHERE tenant_id = $1 AND disabled_at IS NULL`;

/** Column arrays for the statement: messages, then deliveries, every row with its tenant. */
interface Rows {
  tenants: string[];
  ids: string[];
  eventTypes: string[];
  payloads: string[];
  keys: Array<string | null>;
  createdAt: Date[];
  deliveryTenants: string[];
  deliveryIds: string[];
  deliveryMessages: string[];
  deliveryEndpoints: string[];
  deliveryCreatedAt: Date[];
}

const emptyRows = (): Rows => ({
  tenants: [],
  ids: [],
  eventTypes: [],
  payloads: [],
  keys: [],
  createdAt: [],
  deliveryTenants: [],
  deliveryIds: [],
  deliveryMessages: [],
  deliveryEndpoints: [],
  deliveryCreatedAt: [],
});

const INSERT_SQL = `WITH m AS (
    INSERT INTO messages (id, tenant_id, event_type, payload, idempotency_key, created_at)
    SELECT id, tenant_id, event_type, payload::json, idempotency_key, created_at
      FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[]) AS m(tenant_id, id, event_type, payload, idempotency_key, created_at)
  ), d AS (
    INSERT INTO deliveries (id, tenant_id, message_id, endpoint_id, next_attempt_at, created_at)
    SELECT id, tenant_id, message_id, endpoint_id, created_at, created_at
      FROM unnest($7::text[], $8::text[], $9::text[], $10::text[], $11::timestamptz[]) AS d(tenant_id, id, message_id, endpoint_id, created_at)
  )
  SELECT CASE WHEN cardinality($8::text[]) > 0 THEN pg_notify($12, '') END`;

async function writeRows(db: Pick<pg.Pool | pg.PoolClient, "query">, rows: Rows): Promise<void> {
  await db.query({
    name: "hookline_insert_messages",
    text: INSERT_SQL,
    values: [
      rows.tenants,
      rows.ids,
      rows.eventTypes,
      rows.payloads,
      rows.keys,
      rows.createdAt,
      rows.deliveryTenants,
      rows.deliveryIds,
      rows.deliveryMessages,
      rows.deliveryEndpoints,
      rows.deliveryCreatedAt,
      DELIVERIES_CHANNEL,
    ],
  });
}

function mergeRows(parts: readonly Rows[]): Rows {
  if (parts.length === 1) return parts[0]!;
  const merged = emptyRows();
  for (const part of parts)
    for (const column of Object.keys(merged) as Array<keyof Rows>) (merged[column] as unknown[]).push(...part[column]);
  return merged;
}

// One queue per process (lib/process-state.ts): publishes through either copy of lib/ share it.
const writeShared = processState("publish.sharedWrite", () =>
  coalesce<Rows, void>({
    run: async (parts) => {
      await writeRows(pool(), mergeRows(parts));
      return parts.map(() => undefined);
    },
    maxInFlight: 3,
    maxBatch: 32,
  }),
);

/**
 * Inserts the messages and their deliveries, in `into`'s transaction or ("own transaction") as a
 * statement of its own shared with concurrent publishes; returns the deliveries per message id.
 */
export async function insertMessages(
  into: pg.PoolClient | "own transaction",
  tenantId: string,
  messages: readonly NewMessage[],
  options: InsertOptions,
): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (!messages.length) return counts;
  const { createdAt, endpoints } = options;
  const rows = emptyRows();
  for (const message of messages) {
    rows.tenants.push(tenantId);
    rows.ids.push(message.id);
    rows.eventTypes.push(message.eventType);
    rows.payloads.push(message.payloadJson);
    rows.keys.push(message.idempotencyKey ?? null);
    rows.createdAt.push(createdAt);
    for (const endpoint of endpoints) {
      const filter = endpoint.event_types ?? [];
      const subscribed = filter.length ? filter.includes(message.eventType) : !options.explicitSubscriptionsOnly;
      if (!subscribed) continue;
      rows.deliveryTenants.push(tenantId);
      rows.deliveryIds.push(newId("delivery", createdAt.getTime()));
      rows.deliveryMessages.push(message.id);
      rows.deliveryEndpoints.push(endpoint.id);
      rows.deliveryCreatedAt.push(createdAt);
      counts.set(message.id, (counts.get(message.id) ?? 0) + 1);
    }
  }
  if (into === "own transaction") await writeShared(rows);
  else await writeRows(into, rows);
  return counts;
}
