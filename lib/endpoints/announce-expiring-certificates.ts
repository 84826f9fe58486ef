// The maintenance loop's certificate check: an enabled endpoint whose mTLS client certificate
// expires within 14 days (or has expired) raises `endpoint.certificate_expiring`, at most once a
// day per endpoint. The UPDATE claims the announcement, so concurrent workers send it once.
import "server-only";
import { withTransaction } from "@/lib/db";
import { emitOperationalEvents } from "@/lib/operational-webhooks/emit-operational-events";

export const CERTIFICATE_WARNING_DAYS = 14;

export async function announceExpiringCertificates(): Promise<number> {
  return withTransaction(async (client) => {
    const { rows } = await client.query<{
      id: string;
      tenant_id: string;
      url: string;
      not_after: Date;
      subject: string;
      fingerprint: string;
    }>(
      `UPDATE endpoints SET certificate_expiry_notified_at = now()
        WHERE disabled_at IS NULL AND client_certificate_not_after < now() + make_interval(days => $1)
          AND (certificate_expiry_notified_at IS NULL OR certificate_expiry_notified_at < now() - interval '1 day')
        RETURNING id, tenant_id, url, client_certificate_not_after AS not_after,
          client_certificate->>'subject' AS subject, client_certificate->>'fingerprint' AS fingerprint`,
      [CERTIFICATE_WARNING_DAYS],
    );
    await emitOperationalEvents(
      client,
      rows.map((row) => ({
        type: "endpoint.certificate_expiring",
        tenantId: row.tenant_id,
        payload: {
          endpointId: row.id,
          url: row.url,
          subject: row.subject,
          fingerprint: row.fingerprint,
          notAfter: row.not_after.toISOString(),
          expired: row.not_after.getTime() <= Date.now(),
        },
      })),
    );
    return rows.length;
  });
}
