// Publishing: in ONE transaction, insert the messages and one delivery per enabled endpoint of
// the tenant subscribed to each message's type, then NOTIFY the workers (delivered on commit).
// Once this returns, the messages are durable and every delivery is queued: nothing is lost.
// Without idempotency keys that transaction is a single statement (insert-messages.ts): with the
// read of prepare-messages.ts, a publish is two round trips to the database.
//
// Idempotency keys are claimed with INSERT … ON CONFLICT DO NOTHING on (tenant_id, key), not
// check-then-insert: of two racing publishes with one key, the second blocks on the first's
// uncommitted row and then sees the conflict, so exactly one message is ever created. A key
// repeated with the same event type and payload (compared as JSON values: key order and spacing
// do not matter) returns the original message; with a different one it is a mistake, answered
// 409 idempotency_key_reused naming what differs, as Stripe does (the original would otherwise
// be returned and the new event silently lost).
import "server-only";
import { isDeepStrictEqual } from "node:util";
import type pg from "pg";
import { withTransaction } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import type { TPublishMessage } from "@/lib/schemas/messages";
import { insertMessages } from "./insert-messages";
import { prepareMessages } from "./prepare-messages";
import type { TraceContext } from "@/lib/tracing/trace-context";
import { traceFanOut } from "@/lib/tracing/tracing";

export interface PublishedMessage {
  id: string;
  eventType: string;
  createdAt: string;
  deliveries: number;
  /** True when an idempotency key matched an earlier message: nothing new was created. */
  duplicate: boolean;
}

interface Existing {
  key: string;
  message_id: string;
  event_type: string;
  created_at: Date;
  deliveries: number;
  /** The earlier message's payload equals the one sent now (as JSON values). */
  same_payload: boolean;
}

interface KeyedMessage {
  id: string;
  idempotencyKey: string;
  payloadJson: string;
}

/**
 * Claims each key for its message; returns the earlier message of every key already taken.
 * `keyed` holds one message per key (the first of the batch to use it).
 */
async function claimIdempotencyKeys(
  client: pg.PoolClient,
  tenantId: string,
  keyed: KeyedMessage[],
): Promise<Map<string, Existing>> {
  if (!keyed.length) return new Map();
  const keys = keyed.map((message) => message.idempotencyKey);
  // Keys past the window are free again: drop them first (rarely anything to do).
  await client.query(
    `DELETE FROM idempotency_keys WHERE tenant_id = $1 AND key = ANY($2::text[]) AND created_at < now() - make_interval(secs => $3 / 1000.0)`,
    [tenantId, keys, env().HOOKLINE_IDEMPOTENCY_WINDOW_MS],
  );
  const { rows: claimed } = await client.query<{ key: string }>(
    `INSERT INTO idempotency_keys (tenant_id, key, message_id)
     SELECT $1, key, message_id FROM unnest($2::text[], $3::text[]) AS k(key, message_id)
     ON CONFLICT DO NOTHING RETURNING key`,
    [tenantId, keys, keyed.map((message) => message.id)],
  );
  const mine = new Set(claimed.map((row) => row.key));
  const taken = keyed.filter((message) => !mine.has(message.idempotencyKey));
  if (!taken.length) return new Map();
  const { rows } = await client.query<Existing>(
    `SELECT k.key, k.message_id, m.event_type, m.created_at,
            (SELECT count(*)::int FROM deliveries d WHERE d.message_id = m.id) AS deliveries,
            m.payload::jsonb = sent.payload::jsonb AS same_payload
       FROM unnest($2::text[], $3::text[]) AS sent(key, payload)
       JOIN idempotency_keys k ON k.tenant_id = $1 AND k.key = sent.key
       JOIN messages m ON m.id = k.message_id`,
    [tenantId, taken.map((message) => message.idempotencyKey), taken.map((message) => message.payloadJson)],
  );
  return new Map(rows.map((row) => [row.key, row]));
}

/** 409 when a key comes back with another event type or payload than it was first used with. */
function assertSameRequest(
  sent: { eventType: string; idempotencyKey: string },
  earlier: { messageId: string; eventType: string; samePayload: boolean },
  at: string,
): void {
  const differences = [
    ...(sent.eventType === earlier.eventType
      ? []
      : [{ path: `${at}eventType`, message: `was ${earlier.eventType} when the key was first used` }]),
    ...(earlier.samePayload
      ? []
      : [{ path: `${at}payload`, message: "differs from the payload first sent with the key" }]),
  ];
  if (!differences.length) return;
  const what = differences.map((difference) => (difference.path.endsWith("eventType") ? "event type" : "payload"));
  throw new AppError(
    "idempotency_key_reused",
    `The idempotency key '${sent.idempotencyKey}' was first used for message ${earlier.messageId} with a different ${what.join(" and ")}; use a new key for a new message.`,
    differences,
  );
}

/**
 * `trace`: the publish request's W3C trace context (lib/tracing), stored with every message of it.
 * `now`: the publish's time, which its ids encode (default: the clock; tests publish at a
 * partition boundary with it).
 */
export async function publishMessages(
  tenantId: string,
  inputs: readonly TPublishMessage[],
  options: { trace?: TraceContext | null; now?: Date } = {},
): Promise<PublishedMessage[]> {
  const { messages: prepared, endpoints } = await prepareMessages(tenantId, inputs, (index) =>
    inputs.length > 1 ? `messages.${index}.` : "",
  );
  const now = options.now?.getTime() ?? Date.now();
  const createdAt = new Date(now);
  const trace = options.trace ?? null;
  const messages = prepared.map((message) => ({ ...message, id: newId("message", now), trace }));

  const created = (
    counts: Map<string, number>,
    message: (typeof messages)[number],
    duplicate: boolean,
  ): PublishedMessage => ({
    id: message.id,
    eventType: message.eventType,
    createdAt: createdAt.toISOString(),
    deliveries: counts.get(message.id) ?? 0,
    duplicate,
  });

  if (!messages.some((message) => message.idempotencyKey)) {
    const counts = await traceFanOut(messages.length, () =>
      insertMessages("own transaction", tenantId, messages, { createdAt, endpoints }),
    );
    return messages.map((message) => created(counts, message, false));
  }

  return withTransaction(async (client) => {
    // The first message of the batch to use a key owns it; later ones in the batch repeat it.
    const firstOfKey = new Map<string, (typeof messages)[number]>();
    for (const message of messages)
      if (message.idempotencyKey && !firstOfKey.has(message.idempotencyKey))
        firstOfKey.set(message.idempotencyKey, message);
    const existing = await claimIdempotencyKeys(
      client,
      tenantId,
      [...firstOfKey.values()].map((message) => ({ ...message, idempotencyKey: message.idempotencyKey! })),
    );
    const at = (index: number) => (messages.length > 1 ? `messages.${index}.` : "");
    messages.forEach((message, index) => {
      if (!message.idempotencyKey) return;
      const earlier = existing.get(message.idempotencyKey);
      const owner = firstOfKey.get(message.idempotencyKey)!;
      if (earlier)
        assertSameRequest(
          { eventType: message.eventType, idempotencyKey: message.idempotencyKey },
          {
            messageId: earlier.message_id,
            eventType: earlier.event_type,
            // The owner's payload was compared in SQL; a later one of the batch is compared to the owner's.
            samePayload:
              earlier.same_payload && (owner === message || isDeepStrictEqual(owner.payload, message.payload)),
          },
          at(index),
        );
      else if (owner !== message)
        assertSameRequest(
          { eventType: message.eventType, idempotencyKey: message.idempotencyKey },
          {
            messageId: owner.id,
            eventType: owner.eventType,
            samePayload: isDeepStrictEqual(owner.payload, message.payload),
          },
          at(index),
        );
    });
    const fresh = messages.filter(
      (message) =>
        !message.idempotencyKey ||
        (firstOfKey.get(message.idempotencyKey) === message && !existing.has(message.idempotencyKey)),
    );
    const counts = await traceFanOut(fresh.length, () =>
      insertMessages(client, tenantId, fresh, { createdAt, endpoints }),
    );
    return messages.map((message): PublishedMessage => {
      if (!message.idempotencyKey) return created(counts, message, false);
      const earlier = existing.get(message.idempotencyKey);
      if (earlier) {
        return {
          id: earlier.message_id,
          eventType: earlier.event_type,
          createdAt: earlier.created_at.toISOString(),
          deliveries: earlier.deliveries,
          duplicate: true,
        };
      }
      const owner = firstOfKey.get(message.idempotencyKey)!;
      return created(counts, owner, owner !== message);
    });
  });
}
