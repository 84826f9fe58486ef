// "Send test event": publishes the event type's example to ONE endpoint of the tenant and tries
// it right away, answering with the result. The test message is a real message in the log
// (trigger `test` on its first attempt); if that try fails it is retried like any other.
import "server-only";
import { randomUUID } from "node:crypto";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Principal } from "@/lib/auth/principal";
import { pool, withTransaction } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError, notFound } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { ENDPOINT_ROW_SQL, toEndpointRow, type EndpointSqlRow } from "@/lib/sending/endpoint-row";
import { planNextState } from "@/lib/queue/plan-next-state";
import { parseRetrySchedule } from "@/lib/queue/retry-policy";
import { sendNow, type AttemptSummary } from "./send-now";
import { assertNotReserved } from "@/lib/event-types/reserved-event-types";

export interface TestEventResult extends AttemptSummary {
  messageId: string;
}

export async function sendTestEvent(
  actor: Principal | null,
  tenantId: string,
  endpointId: string,
  eventType: string,
): Promise<TestEventResult> {
  const { rows: endpoints } = await pool().query<EndpointSqlRow & { retry_schedule: number[] | null; type: string }>(
    `SELECT ${ENDPOINT_ROW_SQL}, e.retry_schedule, e.type FROM endpoints e WHERE e.tenant_id = $1 AND e.id = $2`,
    [tenantId, endpointId],
  );
  const endpoint = endpoints[0];
  if (!endpoint) throw notFound("Endpoint");
  if (endpoint.type === "polling")
    throw new AppError("conflict", "A polling endpoint is fetched, not sent to: publish a message and poll for it.");
  if (endpoint.disabled)
    throw new AppError("endpoint_disabled", "The endpoint is disabled; enable it before sending a test event.");
  assertNotReserved(eventType);
  const { rows: types } = await pool().query<{
    example: string | null;
    archived: boolean;
    retry_schedule: number[] | null;
  }>(
    `SELECT example::text AS example, archived_at IS NOT NULL AS archived, retry_schedule FROM event_types WHERE name = $1`,
    [eventType],
  );
  const type = types[0];
  if (!type) throw new AppError("event_type_unknown", `${eventType} is not in the event-type catalog.`);
  if (type.archived) throw new AppError("event_type_archived", `${eventType} is archived.`);

  const settings = env();
  const leaseOwner = `web:${randomUUID()}`;
  const createdAt = new Date();
  const messageId = newId("message", createdAt.getTime());
  const deliveryId = newId("delivery", createdAt.getTime());
  const payloadJson = type.example ?? "{}";
  // The schedule in force, as the fan-out fixes it: the endpoint's, else the event type's, else the default.
  const fixed = endpoint.retry_schedule?.length ? endpoint.retry_schedule : type.retry_schedule;
  const ownSchedule = fixed?.length ? fixed : null;
  // Inserted already leased to this request, so no worker picks it up while we send it.
  await withTransaction(async (client) => {
    await client.query(
      `INSERT INTO messages (id, tenant_id, event_type, payload, created_at) VALUES ($1, $2, $3, $4::json, $5)`,
      [messageId, tenantId, eventType, payloadJson, createdAt],
    );
    await client.query(
      `INSERT INTO deliveries (id, tenant_id, message_id, endpoint_id, status, lease_owner, lease_until, next_attempt_at, created_at, retry_schedule)
       VALUES ($1, $2, $3, $4, 'sending', $5, now() + make_interval(secs => $6 / 1000.0), NULL, $7, $8::int[])`,
      [
        deliveryId,
        tenantId,
        messageId,
        endpointId,
        leaseOwner,
        (endpoint.timeout_ms ?? settings.HOOKLINE_REQUEST_TIMEOUT_MS) + 60_000,
        createdAt,
        ownSchedule,
      ],
    );
    await recordAuditEvent(
      client,
      actor,
      tenantId,
      "endpoint.test_sent",
      { type: "endpoint", id: endpointId },
      { eventType },
    );
  });
  const schedule = ownSchedule ?? parseRetrySchedule(settings.HOOKLINE_RETRY_SCHEDULE);
  const summary = await sendNow(
    {
      tenantId,
      deliveryId,
      messageId,
      attemptNumber: 1,
      eventType,
      messageCreatedAt: createdAt,
      payloadJson,
      endpoint: toEndpointRow(endpoint),
    },
    "test",
    leaseOwner,
    (result) => planNextState(result, 0, schedule),
  );
  return { ...summary, messageId };
}
