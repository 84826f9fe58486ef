-- The API rate limit shared across web processes (lib/rate-limit/shared-buckets.ts): requests taken
-- per key by every process together. UNLOGGED: no WAL for a counter rewritten every 100 ms; after a
-- crash the table is empty, which only refills the buckets.
-- CreateTable
CREATE UNLOGGED TABLE "rate_limit_counters" (
    "key" TEXT NOT NULL,
    "taken" BIGINT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "rate_limit_counters_pkey" PRIMARY KEY ("key")
);
