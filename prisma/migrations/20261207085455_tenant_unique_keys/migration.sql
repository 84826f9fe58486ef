-- Every tenant-owned table gets tenant_id in a unique index (test/integration/database/tenant-keys.test.ts),
-- so that the schema stays ready for distribution by tenant_id (docs/SCALING.md, "Past one PostgreSQL"):
-- on Citus every primary key and unique index of a distributed table must include the distribution
-- column, and an existing unique (tenant_id, ...) index becomes its key without another index build.
--
-- No new index on the busy tables: where an index led by tenant_id already ended in a unique column
-- set (id, or the primary key's columns), it becomes UNIQUE in place of the plain one (the same
-- columns, or the primary key's last column appended), so the publish and delivery paths maintain
-- as many index entries as before. Only endpoint_backlog (a few days of samples) gets a new one.
-- The keys of messages, deliveries and attempts contain id, so they hold as they are if those tables
-- are partitioned by id range (partitioned by another column, that column would have to be added).
--
-- Downtime: each table is locked against writes while its unique index is built.

-- DropIndex
DROP INDEX "endpoints_tenant_id_id_idx";
-- CreateIndex
CREATE UNIQUE INDEX "endpoints_tenant_id_id_key" ON "endpoints"("tenant_id", "id");

-- DropIndex
DROP INDEX "messages_tenant_id_id_idx";
-- CreateIndex
CREATE UNIQUE INDEX "messages_tenant_id_id_key" ON "messages"("tenant_id", "id");

-- DropIndex
DROP INDEX "deliveries_tenant_id_endpoint_id_status_id_idx";
-- CreateIndex
CREATE UNIQUE INDEX "deliveries_tenant_id_endpoint_id_status_id_key" ON "deliveries"("tenant_id", "endpoint_id", "status", "id");

-- DropIndex
DROP INDEX "attempts_tenant_id_endpoint_id_id_idx";
-- CreateIndex
CREATE UNIQUE INDEX "attempts_tenant_id_endpoint_id_id_key" ON "attempts"("tenant_id", "endpoint_id", "id");

-- DropIndex
DROP INDEX "endpoint_stats_tenant_id_minute_idx";
-- CreateIndex
CREATE UNIQUE INDEX "endpoint_stats_tenant_id_minute_endpoint_id_key" ON "endpoint_stats"("tenant_id", "minute", "endpoint_id");

-- DropIndex
DROP INDEX "endpoint_stats_hourly_tenant_id_hour_idx";
-- CreateIndex
CREATE UNIQUE INDEX "endpoint_stats_hourly_tenant_id_hour_endpoint_id_key" ON "endpoint_stats_hourly"("tenant_id", "hour", "endpoint_id");

-- DropIndex
DROP INDEX "invites_tenant_id_id_idx";
-- CreateIndex
CREATE UNIQUE INDEX "invites_tenant_id_id_key" ON "invites"("tenant_id", "id");

-- DropIndex
DROP INDEX "portal_tokens_tenant_id_id_idx";
-- CreateIndex
CREATE UNIQUE INDEX "portal_tokens_tenant_id_id_key" ON "portal_tokens"("tenant_id", "id");

-- DropIndex
DROP INDEX "audit_events_tenant_id_id_idx";
-- CreateIndex
CREATE UNIQUE INDEX "audit_events_tenant_id_id_key" ON "audit_events"("tenant_id", "id");

-- DropIndex
DROP INDEX "incidents_tenant_id_status_id_idx";
-- CreateIndex
CREATE UNIQUE INDEX "incidents_tenant_id_status_id_key" ON "incidents"("tenant_id", "status", "id");

-- CreateIndex
CREATE UNIQUE INDEX "endpoint_backlog_tenant_id_endpoint_id_minute_key" ON "endpoint_backlog"("tenant_id", "endpoint_id", "minute");
