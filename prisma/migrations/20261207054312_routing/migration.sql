-- Routing controls: payload filters, channels and tags, FIFO endpoints (lib/routing).
-- AlterTable
ALTER TABLE "endpoints" ADD COLUMN     "channels" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "fifo_on_failure" TEXT NOT NULL DEFAULT 'skip',
ADD COLUMN     "filter" JSONB,
ADD COLUMN     "ordering" TEXT NOT NULL DEFAULT 'none';

-- AlterTable
ALTER TABLE "messages" ADD COLUMN     "channels" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "ordering_key" TEXT,
ADD COLUMN     "skipped_endpoint_ids" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "tags" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "deliveries" ADD COLUMN     "ordering_key" TEXT;

-- CreateTable
CREATE TABLE "message_labels" (
    "tenant_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "message_id" TEXT NOT NULL,

    CONSTRAINT "message_labels_pkey" PRIMARY KEY ("tenant_id","kind","value","message_id")
);

-- CreateIndex
CREATE INDEX "message_labels_message_id_idx" ON "message_labels"("message_id");

-- AddForeignKey
ALTER TABLE "message_labels" ADD CONSTRAINT "message_labels_message_id_fkey" FOREIGN KEY ("message_id") REFERENCES "messages"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- FIFO heads (written here: Prisma cannot declare a partial index). The claim asks, for each
-- due delivery of a FIFO endpoint, whether an older delivery of the same (endpoint, key) is
-- still pending or sending; this index answers that from the few unsettled rows only.
CREATE INDEX "deliveries_fifo_head_idx" ON "deliveries"("endpoint_id", "ordering_key", "id")
  WHERE "ordering_key" IS NOT NULL AND "status" IN ('pending', 'sending');
