// The fetch side of a polling endpoint (GET /api/v1/poll/{pollingToken}): its pending
// deliveries in publish order, each signed exactly as the worker signs a pushed one (the same
// envelope, the same Standard Webhooks headers from the same secrets: lib/signing through the
// endpoint's decrypted configuration), and the acknowledgement of what came before the cursor.
//
// A polling delivery is `pending` with next_attempt_at null, so the worker's claim (which takes
// next_attempt_at <= now()) never pushes it. Handing one out stamps last_attempt_at (the first
// time only). A cursor is the id of the last delivery of a page; fetching with it acknowledges
// the deliveries handed out up to it: they become `succeeded`, each with an attempt of trigger
// `fetch` (status 200, duration from hand-out to acknowledgement), written by the same
// recording transaction as pushed tries, so statistics, charts and health count them. A delivery
// never handed out is never acknowledged: one that commits late with a lower id (publishes on
// other processes) comes in the next page. At least once: a page fetched again without its
// cursor is handed out again.
import "server-only";
import { pool, withTransaction } from "@/lib/db";
import { signingSecrets } from "@/lib/endpoints/secret-overlap";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { retryAfterSeconds, takeSharedToken } from "@/lib/rate-limit";
import { recordAttemptsIn } from "@/lib/recording/record-attempts";
import type { AttemptRecord } from "@/lib/recording/attempt-record";
import { endpointConfig } from "@/lib/sending/endpoint-config";
import { responseOf } from "@/lib/sending/send-webhook";
import { ENDPOINT_ROW_SQL, toEndpointRow, type EndpointRow, type EndpointSqlRow } from "@/lib/sending/endpoint-row";
import { buildEnvelope, buildWebhookHeaders, type WebhookHeaders } from "@/lib/signing";
import { hashPollingToken, isPollingToken } from "./polling-token";
import { registerWaiter } from "./poll-waiters";

/** What an acknowledged delivery's attempt shows as its URL (never the token). */
export const FETCH_ATTEMPT_URL = "poll";

export interface PollOptions {
  /** The `cursor` of the previous page: acknowledges everything handed out up to it. */
  cursor?: string | undefined;
  limit: number;
  /** Seconds to wait for a delivery when there is none (0: answer at once). */
  wait: number;
  /** The request's: a consumer that hangs up ends its wait (and frees its slot) at once. */
  signal?: AbortSignal;
}

export interface PolledMessage {
  id: string;
  headers: WebhookHeaders;
  body: string;
}

export interface PollPage {
  data: PolledMessage[];
  /** Pass it back to acknowledge this page and get the next; null before anything was handed out. */
  cursor: string | null;
}

interface PollingEndpoint {
  tenantId: string;
  row: EndpointRow;
}

const invalidToken = () =>
  new AppError("unauthorized", "Unknown polling token (it may have been rotated, or the endpoint deleted).");

async function findEndpoint(token: string): Promise<PollingEndpoint> {
  if (!isPollingToken(token)) throw invalidToken();
  const { rows } = await pool().query<EndpointSqlRow & { tenant_id: string }>(
    `SELECT e.tenant_id, ${ENDPOINT_ROW_SQL} FROM endpoints e WHERE e.polling_token_hash = $1 AND e.type = 'polling'`,
    [hashPollingToken(token)],
  );
  if (!rows[0]) throw invalidToken();
  return { tenantId: rows[0].tenant_id, row: toEndpointRow(rows[0]) };
}

function enforceRateLimit(endpointId: string): void {
  const perSecond = env().HOOKLINE_API_RATE_LIMIT;
  if (perSecond === 0) return;
  const result = takeSharedToken(`poll:${endpointId}`, { perSecond, burst: perSecond * 2 });
  if (result.allowed) return;
  const seconds = retryAfterSeconds(result.retryAfterMs);
  throw new AppError(
    "rate_limited",
    `Too many polls for this endpoint; retry in ${seconds} s.`,
    { limitPerSecond: perSecond },
    { "retry-after": String(seconds) },
  );
}

const ACK_BATCH = 1_000;

/** Acknowledges the handed-out deliveries up to `cursor` (in batches, each one transaction). */
async function acknowledge(endpoint: PollingEndpoint, cursor: string): Promise<void> {
  for (;;) {
    const done = await withTransaction(async (client) => {
      const { rows } = await client.query<{ id: string; message_id: string; event_type: string; handed_out_at: Date }>(
        `SELECT d.id, d.message_id, m.event_type, d.last_attempt_at AS handed_out_at
           FROM deliveries d JOIN messages m ON m.id = d.message_id
          WHERE d.tenant_id = $1 AND d.endpoint_id = $2 AND d.status = 'pending' AND d.next_attempt_at IS NULL
            AND d.last_attempt_at IS NOT NULL AND d.id <= $3
          ORDER BY d.id LIMIT $4 FOR UPDATE OF d`,
        [endpoint.tenantId, endpoint.row.id, cursor, ACK_BATCH],
      );
      const now = Date.now();
      const records = rows.map((row): AttemptRecord => ({
        tenantId: endpoint.tenantId,
        deliveryId: row.id,
        messageId: row.message_id,
        endpointId: endpoint.row.id,
        url: FETCH_ATTEMPT_URL,
        eventType: row.event_type,
        number: 0, // numbered by the recording transaction
        trigger: "fetch",
        response: responseOf({
          startedAt: row.handed_out_at,
          durationMs: Math.max(0, now - row.handed_out_at.getTime()),
          status: 200,
        }),
        requestBody: null,
        next: null, // settles the delivery as a successful manual try does
      }));
      await recordAttemptsIn(client, records, "poll");
      return rows.length < ACK_BATCH;
    });
    if (done) return;
  }
}

interface PageRow {
  id: string;
  message_id: string;
  event_type: string;
  created_at: Date;
  payload: string;
}

// The (tenant_id, endpoint_id, status, id) index walks the endpoint's pending deliveries by id.
// SKIP LOCKED: rows another request of the same consumer is acknowledging or handing out right
// now are left to it.
const PAGE_SQL = `
  WITH page AS (
    SELECT d.id FROM deliveries d
     WHERE d.tenant_id = $1 AND d.endpoint_id = $2 AND d.status = 'pending' AND d.next_attempt_at IS NULL
       AND ($3::text IS NULL OR d.id > $3 OR d.last_attempt_at IS NULL)
     ORDER BY d.id LIMIT $4
     FOR UPDATE SKIP LOCKED
  ), handed AS (
    UPDATE deliveries d SET last_attempt_at = coalesce(d.last_attempt_at, now())
      FROM page WHERE d.id = page.id
    RETURNING d.id, d.message_id
  )
  SELECT h.id, h.message_id, m.event_type, m.created_at, m.payload::text AS payload
    FROM handed h JOIN messages m ON m.id = h.message_id
   ORDER BY h.id`;

async function fetchPage(endpoint: PollingEndpoint, cursor: string | null, limit: number): Promise<PollPage> {
  const { rows } = await pool().query<PageRow>(PAGE_SQL, [endpoint.tenantId, endpoint.row.id, cursor, limit]);
  if (!rows.length) return { data: [], cursor };
  const secrets = signingSecrets(await endpointConfig(endpoint.row));
  const timestamp = new Date();
  const data = rows.map((row) => {
    const body = buildEnvelope({ type: row.event_type, createdAt: row.created_at, payloadJson: row.payload });
    return {
      id: row.message_id,
      headers: buildWebhookHeaders({ msgId: row.message_id, timestamp, body, secrets }),
      body,
    };
  });
  return { data, cursor: rows.at(-1)!.id };
}

/** One poll: acknowledge up to `cursor`, then the next page, waiting up to `wait` seconds for one. */
export async function pollEndpoint(token: string, options: PollOptions): Promise<PollPage> {
  const endpoint = await findEndpoint(token);
  enforceRateLimit(endpoint.row.id);
  const cursor = options.cursor ?? null;
  if (cursor !== null) await acknowledge(endpoint, cursor);
  const deadline = Date.now() + options.wait * 1_000;
  for (;;) {
    const remaining = deadline - Date.now();
    if (remaining <= 0 || options.signal?.aborted) return fetchPage(endpoint, cursor, options.limit);
    // Registered before the query: a publish between the query and the wait still wakes it.
    const waiter = await registerWaiter(endpoint.row.id);
    try {
      const page = await fetchPage(endpoint, cursor, options.limit);
      if (page.data.length || !waiter) return page;
      await waiter.wait(Math.max(0, deadline - Date.now()), options.signal);
    } finally {
      waiter?.release();
    }
  }
}
