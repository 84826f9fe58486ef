-- An optional name for an endpoint ("Billing service"), shown before its URL in lists.
ALTER TABLE "endpoints" ADD COLUMN "name" TEXT;
