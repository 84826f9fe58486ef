// Everything a publish checks before it touches the queue: the event types exist and are not
// archived, each payload fits the size limit and matches its type's JSON Schema. Problems are
// reported per message (`messages.3.payload.amount`) so a batch caller can fix them all at once.
import "server-only";
import { pool } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError, type ErrorCode } from "@/lib/errors";
import { validateAgainstSchema, type SchemaIssue } from "@/lib/event-types/json-schema";
import type { TPublishMessage } from "@/lib/schemas/messages";

export interface PreparedMessage extends TPublishMessage {
  /** The payload as it will be stored and delivered (compact JSON). */
  payloadJson: string;
}

interface EventTypeRow {
  name: string;
  schema: object | null;
  archived: boolean;
  version: string;
}

export async function prepareMessages(messages: readonly TPublishMessage[], pathPrefix: (index: number) => string): Promise<PreparedMessage[]> {
  const names = [...new Set(messages.map((message) => message.eventType))];
  const { rows } = await pool().query<EventTypeRow>(
    `SELECT name, schema, archived_at IS NOT NULL AS archived, updated_at::text AS version FROM event_types WHERE name = ANY($1::text[])`,
    [names],
  );
  const types = new Map(rows.map((row) => [row.name, row]));
  const maxBytes = env().HOOKLINE_MAX_PAYLOAD_BYTES;

  const problems: Array<{ code: ErrorCode; issue: SchemaIssue }> = [];
  const prepared = messages.map((message, index) => {
    const at = pathPrefix(index);
    const type = types.get(message.eventType);
    const payloadJson = JSON.stringify(message.payload);
    if (!type) {
      problems.push({ code: "event_type_unknown", issue: { path: `${at}eventType`, message: `${message.eventType} is not in the event-type catalog` } });
    } else if (type.archived) {
      problems.push({ code: "event_type_archived", issue: { path: `${at}eventType`, message: `${message.eventType} is archived and no longer accepts messages` } });
    } else if (Buffer.byteLength(payloadJson) > maxBytes) {
      problems.push({ code: "payload_too_large", issue: { path: `${at}payload`, message: `the payload is larger than ${maxBytes} bytes` } });
    } else if (type.schema) {
      for (const issue of validateAgainstSchema(type.schema, message.payload, `${type.name}@${type.version}`, `${at}payload`)) {
        problems.push({ code: "payload_schema_mismatch", issue });
      }
    }
    return { ...message, payloadJson };
  });

  if (problems.length) {
    const code = problems[0]!.code;
    const messageText: Record<string, string> = {
      event_type_unknown: "Unknown event type.",
      event_type_archived: "The event type is archived.",
      payload_too_large: "The payload is too large.",
      payload_schema_mismatch: "The payload does not match the event type's schema.",
    };
    throw new AppError(code, messageText[code] ?? "The message is not valid.", problems.map((problem) => problem.issue));
  }
  return prepared;
}
