-- Egress: mTLS client certificate, private CA, proxy and trace propagation per endpoint; the W3C trace context of each message.
-- AlterTable
ALTER TABLE "endpoints" ADD COLUMN     "ca_certificate" TEXT,
ADD COLUMN     "certificate_expiry_notified_at" TIMESTAMPTZ(3),
ADD COLUMN     "client_certificate" JSONB,
ADD COLUMN     "client_certificate_enc" TEXT,
ADD COLUMN     "client_certificate_not_after" TIMESTAMPTZ(3),
ADD COLUMN     "proxy_credentials_enc" TEXT,
ADD COLUMN     "proxy_mode" TEXT NOT NULL DEFAULT 'default',
ADD COLUMN     "proxy_url" TEXT,
ADD COLUMN     "trace_context" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "messages" ADD COLUMN     "traceparent" TEXT,
ADD COLUMN     "tracestate" TEXT;

