// The write half of publishing: the messages, one delivery per enabled endpoint of the tenant
// that takes each message's type, and the NOTIFY that wakes the workers, in ONE statement
// (data-modifying CTEs: all rows or none, foreign keys checked at its end, the NOTIFY sent on
// commit). A polling endpoint's delivery gets next_attempt_at null (the worker never claims it;
// lib/polling hands it out) and a NOTIFY on the polling channel with the endpoint's id. Either inside the caller's transaction (publishes with idempotency keys, and
// operational events, written with the change they report), or as its own transaction: then
// concurrent publishes share the statement (group commit, lib/database/coalesce.ts): one round
// trip and one commit for every publish that arrived while the previous ones were written.
import "server-only";
import type pg from "pg";
import { coalesce } from "@/lib/database/coalesce";
import { processState } from "@/lib/process-state";
import { pool } from "@/lib/db";
import { DELIVERIES_CHANNEL, POLLING_CHANNEL } from "@/lib/queue/channel";
import { newId } from "@/lib/ids";
import { routeMessage, type RoutableEndpoint } from "@/lib/routing/route-message";
import type { TraceContext } from "@/lib/tracing/trace-context";

export interface NewMessage {
  id: string;
  eventType: string;
  /** The payload as stored and delivered (compact JSON text). */
  payloadJson: string;
  idempotencyKey?: string;
  /** The payload as a value, for the endpoints' payload filters. */
  payload?: unknown;
  channels?: readonly string[];
  tags?: readonly string[];
  orderingKey?: string;
  /** The event type's retry delays in ms; empty or absent: inherited. */
  retrySchedule?: readonly number[];
  /** W3C trace context of the publish (lib/tracing), sent on every try. */
  trace?: TraceContext | null;
}

/**
 * An enabled endpoint and its routing: event types, channels, payload filter, ordering (lib/routing),
 * and its retry delays (null or empty: inherited).
 */
export type SubscribedEndpoint = RoutableEndpoint & { retry_schedule?: number[] | null };

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

export const ENABLED_ENDPOINTS_SQL = `SELECT id, event_types, filter, channels, ordering, retry_schedule FROM endpoints WHERE tenant_id = $1 AND disabled_at IS NULL`;

/** Column arrays for the statement: messages, then deliveries, every row with its tenant. */
interface Rows {
  tenants: string[];
  ids: string[];
  eventTypes: string[];
  payloads: string[];
  keys: Array<string | null>;
  createdAt: Date[];
  /** JSON arrays (null: none), expanded in SQL: a text[] column per message. */
  channels: Array<string | null>;
  tags: Array<string | null>;
  skipped: Array<string | null>;
  orderingKeys: Array<string | null>;
  traceparents: Array<string | null>;
  tracestates: Array<string | null>;
  labelTenants: string[];
  labelKinds: string[];
  labelValues: string[];
  labelMessages: string[];
  deliveryTenants: string[];
  deliveryIds: string[];
  deliveryMessages: string[];
  deliveryEndpoints: string[];
  deliveryCreatedAt: Date[];
  /** FIFO endpoints: the message's ordering key ("" for none); null otherwise. */
  deliveryOrderingKeys: Array<string | null>;
  /** Each delivery's retry delays as an int[] literal ("{10000,60000}"), null: HOOKLINE_RETRY_SCHEDULE. */
  deliverySchedules: Array<string | null>;
}

const emptyRows = (): Rows => ({
  tenants: [],
  ids: [],
  eventTypes: [],
  payloads: [],
  keys: [],
  createdAt: [],
  channels: [],
  tags: [],
  skipped: [],
  orderingKeys: [],
  traceparents: [],
  tracestates: [],
  labelTenants: [],
  labelKinds: [],
  labelValues: [],
  labelMessages: [],
  deliveryTenants: [],
  deliveryIds: [],
  deliveryMessages: [],
  deliveryEndpoints: [],
  deliveryCreatedAt: [],
  deliveryOrderingKeys: [],
  deliverySchedules: [],
});

// The per-message arrays (channels, tags, endpoints skipped by their filter) travel as JSON
// text, one per message (unnest cannot take an array of arrays); null is an empty array.
const INSERT_SQL = `WITH m AS (
    INSERT INTO messages (id, tenant_id, event_type, payload, idempotency_key, created_at, channels, tags, skipped_endpoint_ids, ordering_key, traceparent, tracestate)
    SELECT id, tenant_id, event_type, payload::json, idempotency_key, created_at,
           ARRAY(SELECT json_array_elements_text(channels::json)), ARRAY(SELECT json_array_elements_text(tags::json)),
           ARRAY(SELECT json_array_elements_text(skipped::json)), ordering_key, traceparent, tracestate
      FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $13::text[], $14::text[], $15::text[], $16::text[], $23::text[], $24::text[])
        AS m(tenant_id, id, event_type, payload, idempotency_key, created_at, channels, tags, skipped, ordering_key, traceparent, tracestate)
  ), l AS (
    INSERT INTO message_labels (tenant_id, kind, value, message_id)
    SELECT * FROM unnest($17::text[], $18::text[], $19::text[], $20::text[]) ON CONFLICT DO NOTHING
  ), d AS (
    INSERT INTO deliveries (id, tenant_id, message_id, endpoint_id, next_attempt_at, created_at, ordering_key, retry_schedule)
    SELECT d.id, d.tenant_id, d.message_id, d.endpoint_id, CASE WHEN e.type = 'polling' THEN NULL ELSE d.created_at END,
           d.created_at, d.ordering_key, d.retry_schedule::int[]
      FROM unnest($7::text[], $8::text[], $9::text[], $10::text[], $11::timestamptz[], $21::text[], $22::text[])
        AS d(tenant_id, id, message_id, endpoint_id, created_at, ordering_key, retry_schedule)
      LEFT JOIN endpoints e ON e.id = d.endpoint_id
  )
  SELECT CASE WHEN cardinality($8::text[]) > 0 THEN pg_notify($12, '') END,
         (SELECT count(pg_notify($25, e.id)) FROM endpoints e WHERE e.id = ANY($10::text[]) AND e.type = 'polling')`;

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
      rows.channels,
      rows.tags,
      rows.skipped,
      rows.orderingKeys,
      rows.labelTenants,
      rows.labelKinds,
      rows.labelValues,
      rows.labelMessages,
      rows.deliveryOrderingKeys,
      rows.deliverySchedules,
      rows.traceparents,
      rows.tracestates,
      POLLING_CHANNEL,
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
    rows.channels.push(message.channels?.length ? JSON.stringify(message.channels) : null);
    rows.tags.push(message.tags?.length ? JSON.stringify(message.tags) : null);
    rows.orderingKeys.push(message.orderingKey ?? null);
    rows.traceparents.push(message.trace?.traceparent ?? null);
    rows.tracestates.push(message.trace?.tracestate ?? null);
    for (const [kind, values] of [
      ["channel", message.channels],
      ["tag", message.tags],
    ] as const) {
      for (const value of values ?? []) {
        rows.labelTenants.push(tenantId);
        rows.labelKinds.push(kind);
        rows.labelValues.push(value);
        rows.labelMessages.push(message.id);
      }
    }
    const skipped: string[] = [];
    for (const endpoint of endpoints) {
      const route = routeMessage(endpoint, message, options.explicitSubscriptionsOnly);
      if (route === "filtered") skipped.push(endpoint.id);
      if (route !== "deliver") continue;
      rows.deliveryTenants.push(tenantId);
      rows.deliveryIds.push(newId("delivery", createdAt.getTime()));
      rows.deliveryMessages.push(message.id);
      rows.deliveryEndpoints.push(endpoint.id);
      rows.deliveryCreatedAt.push(createdAt);
      rows.deliveryOrderingKeys.push(endpoint.ordering === "fifo" ? (message.orderingKey ?? "") : null);
      // The schedule in force, fixed now: the endpoint's, else the event type's, else the default (NULL).
      const schedule = endpoint.retry_schedule?.length ? endpoint.retry_schedule : message.retrySchedule;
      rows.deliverySchedules.push(schedule?.length ? `{${schedule.join(",")}}` : null);
      counts.set(message.id, (counts.get(message.id) ?? 0) + 1);
    }
    rows.skipped.push(skipped.length ? JSON.stringify(skipped) : null);
  }
  if (into === "own transaction") await writeShared(rows);
  else await writeRows(into, rows);
  return counts;
}
