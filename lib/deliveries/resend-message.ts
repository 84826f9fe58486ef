// "Resend": a new attempt now (trigger `manual`) for a message's delivery to one endpoint, or
// to every endpoint it went to, without touching the retry history; a success settles a
// failed or still-retrying delivery. Disabled endpoints are skipped (enable them first).
import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Principal } from "@/lib/auth/principal";
import { pool } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { ENDPOINT_ROW_SQL, toEndpointRow, type EndpointSqlRow } from "@/lib/sending/endpoint-row";
import { sendNow, type AttemptSummary } from "./send-now";

interface Row extends EndpointSqlRow {
  delivery_id: string;
  attempt_count: number;
  event_type: string;
  created_at: Date;
  payload: string;
  channels: string[];
  tags: string[];
}

export async function resendMessage(
  actor: Principal | null,
  tenantId: string,
  messageId: string,
  endpointId?: string,
): Promise<AttemptSummary[]> {
  const { rows } = await pool().query<Row>(
    `SELECT d.id AS delivery_id, d.attempt_count, m.event_type, m.created_at, m.payload::text AS payload, m.channels, m.tags, ${ENDPOINT_ROW_SQL}
       FROM messages m
       JOIN deliveries d ON d.message_id = m.id AND d.tenant_id = m.tenant_id
       JOIN endpoints e ON e.id = d.endpoint_id
      WHERE m.tenant_id = $1 AND m.id = $2 AND ($3::text IS NULL OR d.endpoint_id = $3)
      ORDER BY d.id`,
    [tenantId, messageId, endpointId ?? null],
  );
  if (!rows.length) {
    const message = await pool().query(`SELECT 1 FROM messages WHERE tenant_id = $1 AND id = $2`, [
      tenantId,
      messageId,
    ]);
    throw message.rowCount ? notFound("Delivery of this message to that endpoint") : notFound("Message");
  }
  const enabled = rows.filter((row) => !row.disabled);
  if (!enabled.length) throw new AppError("endpoint_disabled", "The endpoint is disabled; enable it before resending.");
  const results = await Promise.all(
    enabled.map((row) =>
      sendNow(
        {
          tenantId,
          deliveryId: row.delivery_id,
          messageId,
          attemptNumber: row.attempt_count + 1,
          eventType: row.event_type,
          messageCreatedAt: row.created_at,
          payloadJson: row.payload,
          channels: row.channels,
          tags: row.tags,
          endpoint: toEndpointRow(row),
        },
        "manual",
        "manual",
        null,
      ),
    ),
  );
  // Each try is recorded by sendNow in its own batch; the audit event follows them.
  await recordAuditEvent(
    pool(),
    actor,
    tenantId,
    "message.resent",
    { type: "message", id: messageId },
    { endpointIds: results.map((result) => result.endpointId) },
  );
  return results;
}
