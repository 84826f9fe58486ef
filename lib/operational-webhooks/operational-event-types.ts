// The catalog rows of the operational event types (lib/operational-webhooks/operational-event-catalog.ts),
// created on demand so that the OpenAPI document's webhooks section lists them like any other
// type. They stay out of the catalog's lists and cannot be published or edited through the API.
import "server-only";
import type pg from "pg";
import { pool } from "@/lib/db";
import { newId } from "@/lib/ids";
import { OPERATIONAL_EVENT_TYPES, OPERATIONAL_TYPE_NAMES } from "./operational-event-catalog";
import { processState } from "@/lib/process-state";

export {
  isOperationalType,
  isReservedEventType,
  OPERATIONAL_EVENT_TYPES,
  OPERATIONAL_TYPE_NAMES,
  type OperationalEventType,
} from "./operational-event-catalog";

/** Puts the operational types into the catalog if they are missing (idempotent). */
export async function ensureOperationalEventTypes(client: pg.PoolClient | pg.Pool = pool()): Promise<void> {
  const ensured = processState("operationalEvents.typesEnsured", () => ({ done: false }));
  if (ensured.done) return;
  const names = OPERATIONAL_TYPE_NAMES;
  await client.query(
    `INSERT INTO event_types (id, name, description, schema, example, updated_at)
     SELECT id, name, description, schema::jsonb, example::jsonb, now() FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS t(id, name, description, schema, example)
     ON CONFLICT (name) DO NOTHING`,
    [
      names.map(() => newId("eventType")),
      names,
      names.map((name) => OPERATIONAL_EVENT_TYPES[name].description),
      names.map((name) => JSON.stringify(OPERATIONAL_EVENT_TYPES[name].schema)),
      names.map((name) => JSON.stringify(OPERATIONAL_EVENT_TYPES[name].example)),
    ],
  );
  ensured.done = true;
}
