-- AlterEnum
ALTER TYPE "DeliveryStatus" ADD VALUE 'skipped';

-- AlterTable
ALTER TABLE "event_types" ADD COLUMN     "retry_schedule" INTEGER[];

-- AlterTable
ALTER TABLE "endpoints" ADD COLUMN     "retry_schedule" INTEGER[],
ADD COLUMN     "transformation" JSONB;

-- AlterTable
ALTER TABLE "deliveries" ADD COLUMN     "retry_schedule" INTEGER[];

-- AlterTable
ALTER TABLE "attempts" ADD COLUMN     "request_body" TEXT;

