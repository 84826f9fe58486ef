-- messages, deliveries and attempts become partitioned by time: RANGE on their id, whose first
-- ten characters after the prefix are the creation time (a ULID, lib/ids.ts), so the primary
-- key stays (id). One partition per UTC day from the oldest stored row to three days ahead,
-- named <table>_pYYYYMMDD, plus <table>_default for any id outside them (the worker's
-- maintenance creates the next ones and moves such rows out: lib/database/partitions.ts).
-- The tables are rewritten (rows copied into the new parents) in this one transaction; see
-- docs/DEPLOYMENT.md for the downtime.
--
-- Foreign keys between the three (and message_labels → messages) go: a foreign key that
-- references a partitioned table forbids dropping its partitions without a check that scans
-- the referencing table. The rows are written together (one statement, lib/messages) and
-- deleted by retention in order; attempts and labels get a key to their tenant instead so
-- deleting a tenant still removes them, and deleting an endpoint deletes its attempts
-- (lib/endpoints/delete-endpoint.ts). (message_id, endpoint_id) on deliveries is no longer a
-- unique constraint (one must contain the partition key); the publish writes one delivery per
-- endpoint and message.

ALTER TABLE "attempts" DROP CONSTRAINT "attempts_delivery_id_fkey";
ALTER TABLE "deliveries" DROP CONSTRAINT "deliveries_message_id_fkey";
ALTER TABLE "message_labels" DROP CONSTRAINT "message_labels_message_id_fkey";

-- A ULID's time: 10 Crockford base32 characters of milliseconds.
CREATE FUNCTION pg_temp.hl_encode_time(ms bigint) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  out text := '';
  value bigint := ms;
BEGIN
  FOR i IN 1..10 LOOP
    out := substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', (value % 32)::int + 1, 1) || out;
    value := value / 32;
  END LOOP;
  RETURN out;
END $$;

CREATE FUNCTION pg_temp.hl_decode_time(id text) RETURNS timestamptz LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  ms bigint := 0;
  chars text := substr(id, position('_' IN id) + 1, 10);
BEGIN
  FOR i IN 1..10 LOOP
    ms := ms * 32 + position(substr(chars, i, 1) IN '0123456789ABCDEFGHJKMNPQRSTVWXYZ') - 1;
  END LOOP;
  RETURN to_timestamp(ms / 1000.0);
END $$;

-- The old tables step aside (their indexes too: index names are per schema).
DO $$
DECLARE
  r record;
BEGIN
  FOR r IN SELECT i.relname FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
            WHERE t.relname IN ('messages', 'deliveries', 'attempts') AND t.relnamespace = 'public'::regnamespace LOOP
    EXECUTE format('ALTER INDEX %I RENAME TO %I', r.relname, r.relname || '_unpartitioned');
  END LOOP;
END $$;
ALTER TABLE "messages" RENAME TO "messages_unpartitioned";
ALTER TABLE "deliveries" RENAME TO "deliveries_unpartitioned";
ALTER TABLE "attempts" RENAME TO "attempts_unpartitioned";

-- Same columns, types, defaults and NOT NULLs, in the same order.
CREATE TABLE "messages" (LIKE "messages_unpartitioned" INCLUDING DEFAULTS) PARTITION BY RANGE ("id");
CREATE TABLE "deliveries" (LIKE "deliveries_unpartitioned" INCLUDING DEFAULTS) PARTITION BY RANGE ("id");
CREATE TABLE "attempts" (LIKE "attempts_unpartitioned" INCLUDING DEFAULTS) PARTITION BY RANGE ("id");

DO $$
DECLARE
  t record;
  first_day date;
  last_day date := (now() AT TIME ZONE 'UTC')::date + 3;
  day date;
  oldest text;
BEGIN
  FOR t IN SELECT * FROM (VALUES ('messages', 'msg'), ('deliveries', 'dlv'), ('attempts', 'att')) AS v(name, prefix) LOOP
    EXECUTE format('SELECT min(id) FROM %I WHERE id ~ %L', t.name || '_unpartitioned',
                   '^' || t.prefix || '_[0-9A-HJKMNP-TV-Z]{26}$') INTO oldest;
    first_day := least(coalesce((pg_temp.hl_decode_time(oldest) AT TIME ZONE 'UTC')::date, last_day),
                       (now() AT TIME ZONE 'UTC')::date);
    day := first_day;
    WHILE day <= last_day LOOP
      EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)',
                     t.name || '_p' || to_char(day, 'YYYYMMDD'), t.name,
                     t.prefix || '_' || pg_temp.hl_encode_time((extract(epoch FROM day::timestamp AT TIME ZONE 'UTC') * 1000)::bigint) || repeat('0', 16),
                     t.prefix || '_' || pg_temp.hl_encode_time((extract(epoch FROM (day + 1)::timestamp AT TIME ZONE 'UTC') * 1000)::bigint) || repeat('0', 16));
      day := day + 1;
    END LOOP;
    EXECUTE format('CREATE TABLE %I PARTITION OF %I DEFAULT', t.name || '_default', t.name);
  END LOOP;
END $$;

INSERT INTO "messages" SELECT * FROM "messages_unpartitioned";
INSERT INTO "deliveries" SELECT * FROM "deliveries_unpartitioned";
INSERT INTO "attempts" SELECT * FROM "attempts_unpartitioned";
DROP TABLE "messages_unpartitioned";
DROP TABLE "deliveries_unpartitioned";
DROP TABLE "attempts_unpartitioned";

-- Keys, indexes and foreign keys under their old names (each partition gets its own copy). The
-- unique (tenant_id, …) keys contain id, the partition key, so they hold on the parents.
ALTER TABLE "messages" ADD CONSTRAINT "messages_pkey" PRIMARY KEY ("id");
CREATE UNIQUE INDEX "messages_tenant_id_id_key" ON "messages"("tenant_id", "id");
CREATE INDEX "messages_tenant_id_event_type_id_idx" ON "messages"("tenant_id", "event_type", "id");
ALTER TABLE "messages" ADD CONSTRAINT "messages_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_pkey" PRIMARY KEY ("id");
CREATE INDEX "deliveries_message_id_endpoint_id_idx" ON "deliveries"("message_id", "endpoint_id");
CREATE UNIQUE INDEX "deliveries_tenant_id_endpoint_id_status_id_key" ON "deliveries"("tenant_id", "endpoint_id", "status", "id");
CREATE INDEX "deliveries_due_idx" ON "deliveries"("next_attempt_at") WHERE "status" = 'pending';
CREATE INDEX "deliveries_lease_idx" ON "deliveries"("lease_until") WHERE "status" = 'sending';
CREATE INDEX "deliveries_fifo_head_idx" ON "deliveries"("endpoint_id", "ordering_key", "id")
  WHERE "ordering_key" IS NOT NULL AND "status" IN ('pending', 'sending');
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_endpoint_id_fkey" FOREIGN KEY ("endpoint_id") REFERENCES "endpoints"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "attempts" ADD CONSTRAINT "attempts_pkey" PRIMARY KEY ("id");
CREATE INDEX "attempts_delivery_id_idx" ON "attempts"("delivery_id");
CREATE INDEX "attempts_tenant_id_message_id_idx" ON "attempts"("tenant_id", "message_id");
CREATE UNIQUE INDEX "attempts_tenant_id_endpoint_id_id_key" ON "attempts"("tenant_id", "endpoint_id", "id");
ALTER TABLE "attempts" ADD CONSTRAINT "attempts_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "message_labels" ADD CONSTRAINT "message_labels_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ANALYZE "messages", "deliveries", "attempts";
