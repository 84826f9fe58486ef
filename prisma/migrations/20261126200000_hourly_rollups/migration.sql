-- Hourly rollups (benchmark issue 7): long statistics ranges read one row per endpoint and
-- hour instead of sixty, and the tenant overview reads messages per closed hour instead of
-- counting the messages table. See docs/ARCHITECTURE.md, "Statistics".
--
-- Written by hand after `prisma-sql-diff` (the CREATE statements are what Prisma generates for
-- prisma/schema.prisma); the backfill at the end is ours.

-- CreateTable
CREATE TABLE "endpoint_stats_hourly" (
    "endpoint_id" TEXT NOT NULL,
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "succeeded" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "latency_sum_ms" BIGINT NOT NULL DEFAULT 0,
    "histogram" INTEGER[] DEFAULT ARRAY[]::INTEGER[],

    CONSTRAINT "endpoint_stats_hourly_pkey" PRIMARY KEY ("endpoint_id","hour")
);

-- CreateTable
CREATE TABLE "message_counts_hourly" (
    "tenant_id" TEXT NOT NULL,
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "messages" INTEGER NOT NULL,
    "counted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "message_counts_hourly_pkey" PRIMARY KEY ("tenant_id","hour")
);

-- CreateIndex
CREATE INDEX "endpoint_stats_hourly_tenant_id_hour_idx" ON "endpoint_stats_hourly"("tenant_id", "hour");

-- AddForeignKey
ALTER TABLE "message_counts_hourly" ADD CONSTRAINT "message_counts_hourly_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Backfill: every hour that has minute rows gets their sum, histograms added element-wise
-- (51 buckets, the layout of lib/stats/bucket-index.ts; missing elements count as 0). Run while
-- no worker of the previous version is writing: such a worker adds to minute rows only, and
-- its writes after this snapshot would be missing from the hourly rows (npm start migrates
-- before it starts any worker; stop old workers first when migrating by hand).
-- Messages per hour are NOT backfilled here: counting every message inside the migration
-- would hold up start-up on a big database. The workers' maintenance loop counts the closed
-- hours after start (lib/messages/roll-up-message-counts.ts), and until it has, the overview
-- counts those hours from the messages table as before.
INSERT INTO "endpoint_stats_hourly" ("endpoint_id", "hour", "tenant_id", "succeeded", "failed", "latency_sum_ms", "histogram")
SELECT "endpoint_id", date_trunc('hour', "minute", 'UTC'), min("tenant_id"), sum("succeeded")::int, sum("failed")::int, sum("latency_sum_ms")::bigint,
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
  FROM "endpoint_stats"
 GROUP BY 1, 2;
