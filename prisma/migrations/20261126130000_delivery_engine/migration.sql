-- AlterTable
ALTER TABLE "endpoints" ADD COLUMN     "auth_type" TEXT;

-- AlterTable
ALTER TABLE "deliveries" ADD COLUMN     "scheduled_tries" INTEGER NOT NULL DEFAULT 0;

