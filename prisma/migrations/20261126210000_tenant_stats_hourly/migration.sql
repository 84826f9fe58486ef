-- Tenant-level hourly rollups: the overview's 30 days by day summed 7,200 endpoint-hour rows
-- (10 endpoints), ~50 ms of histogram sums on a loaded 2-core machine (docs/BENCHMARKS.md,
-- issue 7); one row per tenant and hour makes that 720. Written by the worker in the same
-- transaction as the other rollups (lib/deliveries/upsert-endpoint-stats.ts).
--
-- The CREATE statement is what `prisma-sql-diff` generates for prisma/schema.prisma; the
-- backfill is ours (same caveat as 20261126200000_hourly_rollups: run it with no worker of the
-- previous version writing).

-- CreateTable
CREATE TABLE "tenant_stats_hourly" (
    "tenant_id" TEXT NOT NULL,
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "succeeded" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "latency_sum_ms" BIGINT NOT NULL DEFAULT 0,
    "histogram" INTEGER[] DEFAULT ARRAY[]::INTEGER[],

    CONSTRAINT "tenant_stats_hourly_pkey" PRIMARY KEY ("tenant_id","hour")
);

-- Backfill from the endpoint-level hourly rows (themselves backfilled from the minute rows).
INSERT INTO "tenant_stats_hourly" ("tenant_id", "hour", "succeeded", "failed", "latency_sum_ms", "histogram")
SELECT "tenant_id", "hour", sum("succeeded")::int, sum("failed")::int, sum("latency_sum_ms")::bigint,
       ARRAY[coalesce(sum(histogram[1]), 0), coalesce(sum(histogram[2]), 0), coalesce(sum(histogram[3]), 0), coalesce(sum(histogram[4]), 0), coalesce(sum(histogram[5]), 0),
             coalesce(sum(histogram[6]), 0), coalesce(sum(histogram[7]), 0), coalesce(sum(histogram[8]), 0), coalesce(sum(histogram[9]), 0), coalesce(sum(histogram[10]), 0),
             coalesce(sum(histogram[11]), 0), coalesce(sum(histogram[12]), 0), coalesce(sum(histogram[13]), 0), coalesce(sum(histogram[14]), 0), coalesce(sum(histogram[15]), 0),
             coalesce(sum(histogram[16]), 0), coalesce(sum(histogram[17]), 0), coalesce(sum(histogram[18]), 0), coalesce(sum(histogram[19]), 0), coalesce(sum(histogram[20]), 0),
             coalesce(sum(histogram[21]), 0), coalesce(sum(histogram[22]), 0), coalesce(sum(histogram[23]), 0), coalesce(sum(histogram[24]), 0), coalesce(sum(histogram[25]), 0),
             coalesce(sum(histogram[26]), 0), coalesce(sum(histogram[27]), 0), coalesce(sum(histogram[28]), 0), coalesce(sum(histogram[29]), 0), coalesce(sum(histogram[30]), 0),
             coalesce(sum(histogram[31]), 0), coalesce(sum(histogram[32]), 0), coalesce(sum(histogram[33]), 0), coalesce(sum(histogram[34]), 0), coalesce(sum(histogram[35]), 0),
             coalesce(sum(histogram[36]), 0), coalesce(sum(histogram[37]), 0), coalesce(sum(histogram[38]), 0), coalesce(sum(histogram[39]), 0), coalesce(sum(histogram[40]), 0),
             coalesce(sum(histogram[41]), 0), coalesce(sum(histogram[42]), 0), coalesce(sum(histogram[43]), 0), coalesce(sum(histogram[44]), 0), coalesce(sum(histogram[45]), 0),
             coalesce(sum(histogram[46]), 0), coalesce(sum(histogram[47]), 0), coalesce(sum(histogram[48]), 0), coalesce(sum(histogram[49]), 0), coalesce(sum(histogram[50]), 0),
             coalesce(sum(histogram[51]), 0)]::int[]
  FROM "endpoint_stats_hourly"
 GROUP BY 1, 2;
