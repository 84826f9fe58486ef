-- Incidents and health alerts per endpoint (lib/incidents), and the per-minute backlog samples per endpoint (lib/backlog).
-- CreateTable
CREATE TABLE "incidents" (
    "id" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "endpoint_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "cause" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL,
    "opened_at" TIMESTAMPTZ(3) NOT NULL,
    "resolved_at" TIMESTAMPTZ(3),
    "resolved_by" TEXT,
    "reopen_count" INTEGER NOT NULL DEFAULT 0,
    "failed_attempts" INTEGER NOT NULL DEFAULT 0,
    "affected_messages" INTEGER NOT NULL DEFAULT 0,
    "consecutive_successes" INTEGER NOT NULL DEFAULT 0,
    "sample_attempt_id" TEXT,
    "sample_message_id" TEXT,
    "sample_status" INTEGER,
    "sample_error" TEXT,
    "details" JSONB,

    CONSTRAINT "incidents_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "endpoint_backlog" (
    "endpoint_id" TEXT NOT NULL,
    "minute" TIMESTAMPTZ(3) NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "due" INTEGER NOT NULL,
    "scheduled" INTEGER NOT NULL,
    "sending" INTEGER NOT NULL,
    "oldest_pending_seconds" INTEGER NOT NULL,

    CONSTRAINT "endpoint_backlog_pkey" PRIMARY KEY ("endpoint_id","minute")
);

-- CreateIndex
CREATE INDEX "incidents_tenant_id_status_id_idx" ON "incidents"("tenant_id", "status", "id");

-- CreateIndex
CREATE UNIQUE INDEX "incidents_endpoint_id_cause_key" ON "incidents"("endpoint_id", "cause");

-- CreateIndex
CREATE INDEX "endpoint_backlog_minute_idx" ON "endpoint_backlog"("minute");

-- AddForeignKey
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_endpoint_id_fkey" FOREIGN KEY ("endpoint_id") REFERENCES "endpoints"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "endpoint_backlog" ADD CONSTRAINT "endpoint_backlog_endpoint_id_fkey" FOREIGN KEY ("endpoint_id") REFERENCES "endpoints"("id") ON DELETE CASCADE ON UPDATE CASCADE;

