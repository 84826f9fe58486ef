-- The statistics and backlog tables carry tenant_id in their primary key instead of in a second
-- unique index (…_tenant_unique_keys): their rows are upserted with ON CONFLICT on the primary key,
-- and ON CONFLICT resolves a conflict only on its arbiter index, so two workers inserting the same
-- new minute row at once could fail on the other unique index instead of adding to the row. The
-- key (endpoint_id, minute, tenant_id) is as unique (an endpoint belongs to one tenant), keeps the
-- endpoint-first order the endpoint queries read, and contains the distribution column
-- (docs/SCALING.md). The (tenant_id, minute) / (tenant_id, hour) indexes are plain again.

-- DropIndex
DROP INDEX "endpoint_stats_tenant_id_minute_endpoint_id_key";

-- DropIndex
DROP INDEX "endpoint_stats_hourly_tenant_id_hour_endpoint_id_key";

-- DropIndex
DROP INDEX "endpoint_backlog_tenant_id_endpoint_id_minute_key";

-- AlterTable
ALTER TABLE "endpoint_stats" DROP CONSTRAINT "endpoint_stats_pkey",
ADD CONSTRAINT "endpoint_stats_pkey" PRIMARY KEY ("endpoint_id", "minute", "tenant_id");

-- AlterTable
ALTER TABLE "endpoint_stats_hourly" DROP CONSTRAINT "endpoint_stats_hourly_pkey",
ADD CONSTRAINT "endpoint_stats_hourly_pkey" PRIMARY KEY ("endpoint_id", "hour", "tenant_id");

-- AlterTable
ALTER TABLE "endpoint_backlog" DROP CONSTRAINT "endpoint_backlog_pkey",
ADD CONSTRAINT "endpoint_backlog_pkey" PRIMARY KEY ("endpoint_id", "minute", "tenant_id");

-- CreateIndex
CREATE INDEX "endpoint_stats_tenant_id_minute_idx" ON "endpoint_stats"("tenant_id", "minute");

-- CreateIndex
CREATE INDEX "endpoint_stats_hourly_tenant_id_hour_idx" ON "endpoint_stats_hourly"("tenant_id", "hour");
