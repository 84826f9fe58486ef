-- AlterTable
ALTER TABLE "endpoints" ADD COLUMN     "failing_notified_at" TIMESTAMPTZ(3);

