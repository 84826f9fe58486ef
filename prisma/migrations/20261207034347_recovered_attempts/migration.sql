-- Attempts of a delivery that "recover" put back on the queue are labelled `recovered`, not
-- `scheduled`: deliveries remember when they were last recovered.
ALTER TYPE "AttemptTrigger" ADD VALUE 'recovered';

ALTER TABLE "deliveries" ADD COLUMN "recovered_at" TIMESTAMPTZ(3);
