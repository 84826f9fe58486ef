// Everything a publish checks before it touches the queue: the event types exist and are not
// archived, each payload fits the size limit and matches its type's JSON Schema. Problems are
// reported per message (`messages.3.payload.amount`) so a batch caller can fix them all at once.
// The same round trip reads the tenant's enabled endpoints, which the write needs next.
import "server-only";
import { coalesce } from "@/lib/database/coalesce";
import { processState } from "@/lib/process-state";
import { pool } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError, type ErrorCode } from "@/lib/errors";
import { validateAgainstSchema, type SchemaIssue } from "@/lib/event-types/json-schema";
import { isReservedEventType, reservedEventTypeError } from "@/lib/event-types/reserved-event-types";
import type { TPublishMessage } from "@/lib/schemas/messages";
import type { SubscribedEndpoint } from "./insert-messages";

export interface PreparedMessage extends TPublishMessage {
  /** The payload as it will be stored and delivered (compact JSON). */
  payloadJson: string;
  /** The event type's retry delays in ms (empty: inherited). */
  retrySchedule: number[];
}

interface EventTypeRow {
  name: string;
  schema: object | null;
  archived: boolean;
  version: string;
  retrySchedule: number[];
}

// One statement, two kinds of row: the named event types, then the enabled endpoints of the
// tenants. Concurrent publishes share it (lib/database/coalesce.ts), each taking its own rows.
interface ReadRow {
  kind: "type" | "endpoint";
  tenant_id: string | null;
  name: string;
  schema: object | null;
  archived: boolean | null;
  version: string | null;
  event_types: string[] | null;
  filter: SubscribedEndpoint["filter"];
  channels: string[] | null;
  ordering: string | null;
  retry_schedule: number[] | null;
}

const READ_SQL = `SELECT 'type' AS kind, NULL::text AS tenant_id, name, schema, archived_at IS NOT NULL AS archived, updated_at::text AS version, NULL::text[] AS event_types,
         NULL::jsonb AS filter, NULL::text[] AS channels, NULL::text AS ordering, retry_schedule
    FROM event_types WHERE name = ANY($1::text[])
  UNION ALL
  SELECT 'endpoint', tenant_id, id, NULL, NULL, NULL, event_types, filter, channels, ordering, retry_schedule FROM endpoints WHERE tenant_id = ANY($2::text[]) AND disabled_at IS NULL`;

interface ReadInput {
  tenantId: string;
  names: string[];
}

interface ReadResult {
  types: Map<string, EventTypeRow>;
  endpoints: SubscribedEndpoint[];
}

// One queue per process (lib/process-state.ts): publishes through either copy of lib/ share it.
const readShared = processState("publish.sharedRead", () =>
  coalesce<ReadInput, ReadResult>({
    run: async (inputs) => {
      const names = [...new Set(inputs.flatMap((input) => input.names))];
      const tenants = [...new Set(inputs.map((input) => input.tenantId))];
      const { rows } = await pool().query<ReadRow>({
        name: "hookline_prepare_publish",
        text: READ_SQL,
        values: [names, tenants],
      });
      const types = new Map<string, EventTypeRow>();
      const endpoints = new Map<string, SubscribedEndpoint[]>(tenants.map((tenant) => [tenant, []]));
      for (const row of rows) {
        if (row.kind === "type")
          types.set(row.name, {
            name: row.name,
            schema: row.schema,
            archived: row.archived ?? false,
            version: row.version ?? "",
            retrySchedule: row.retry_schedule ?? [],
          });
        else
          endpoints.get(row.tenant_id!)?.push({
            id: row.name,
            event_types: row.event_types,
            filter: row.filter,
            channels: row.channels,
            ordering: row.ordering,
            retry_schedule: row.retry_schedule,
          });
      }
      return inputs.map((input) => ({ types, endpoints: endpoints.get(input.tenantId)! }));
    },
    maxInFlight: 3,
    maxBatch: 64,
  }),
);

export interface PreparedPublish {
  messages: PreparedMessage[];
  /** The tenant's enabled endpoints at the time of the checks. */
  endpoints: SubscribedEndpoint[];
}

export async function prepareMessages(
  tenantId: string,
  messages: readonly TPublishMessage[],
  pathPrefix: (index: number) => string,
): Promise<PreparedPublish> {
  const { types, endpoints } = await readShared({
    tenantId,
    names: [...new Set(messages.map((message) => message.eventType))],
  });
  const maxBytes = env().HOOKLINE_MAX_PAYLOAD_BYTES;

  const problems: Array<{ code: ErrorCode; issue: SchemaIssue }> = [];
  const prepared = messages.map((message, index) => {
    const at = pathPrefix(index);
    const type = types.get(message.eventType);
    const payloadJson = JSON.stringify(message.payload);
    if (isReservedEventType(message.eventType)) {
      problems.push({
        code: "event_type_reserved",
        issue: { path: `${at}eventType`, message: reservedEventTypeError(message.eventType).message },
      });
    } else if (!type) {
      problems.push({
        code: "event_type_unknown",
        issue: { path: `${at}eventType`, message: `${message.eventType} is not in the event-type catalog` },
      });
    } else if (type.archived) {
      problems.push({
        code: "event_type_archived",
        issue: { path: `${at}eventType`, message: `${message.eventType} is archived and no longer accepts messages` },
      });
    } else if (Buffer.byteLength(payloadJson) > maxBytes) {
      problems.push({
        code: "payload_too_large",
        issue: { path: `${at}payload`, message: `the payload is larger than ${maxBytes} bytes` },
      });
    } else if (type.schema) {
      for (const issue of validateAgainstSchema(
        type.schema,
        message.payload,
        `${type.name}@${type.version}`,
        `${at}payload`,
      )) {
        problems.push({ code: "payload_schema_mismatch", issue });
      }
    }
    const unique = (labels?: string[]) => (labels ? [...new Set(labels)] : undefined);
    return {
      ...message,
      channels: unique(message.channels),
      tags: unique(message.tags),
      payloadJson,
      retrySchedule: type?.retrySchedule ?? [],
    };
  });

  if (problems.length) {
    const code = problems[0]!.code;
    const messageText: Record<string, string> = {
      event_type_unknown: "Unknown event type.",
      event_type_reserved: "The event type is one of Hookline's own operational events: only Hookline sends those.",
      event_type_archived: "The event type is archived.",
      payload_too_large: "The payload is too large.",
      payload_schema_mismatch: "The payload does not match the event type's schema.",
    };
    throw new AppError(
      code,
      messageText[code] ?? "The message is not valid.",
      problems.map((problem) => problem.issue),
    );
  }
  return { messages: prepared, endpoints };
}
