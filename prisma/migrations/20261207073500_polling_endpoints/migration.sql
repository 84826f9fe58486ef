-- Polling endpoints (lib/polling): no URL; their deliveries wait (pending, next_attempt_at
-- null, so the worker's claim never takes them) until the consumer fetches them with its token.
ALTER TYPE "AttemptTrigger" ADD VALUE 'fetch';

ALTER TABLE "endpoints" ADD COLUMN "type" TEXT NOT NULL DEFAULT 'webhook',
ADD COLUMN "polling_token_hash" TEXT;

CREATE UNIQUE INDEX "endpoints_polling_token_hash_key" ON "endpoints"("polling_token_hash");
