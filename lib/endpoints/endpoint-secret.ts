// The signing secret, readable only through its own route. Rotation keeps the old secret
// signing next to the new one for HOOKLINE_SECRET_OVERLAP_MS (the rule: ./secret-overlap.ts), so receivers can switch without dropping a webhook. One
// UPDATE moves current → previous, so two racing rotations cannot lose the live secret.
import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Principal } from "@/lib/auth/principal";
import { openSecret, sealSecret } from "@/lib/crypto";
import { withTransaction } from "@/lib/db";
import { env } from "@/lib/env";
import { notFound } from "@/lib/errors";
import { ZRotateEndpointSecret, type TRotateEndpointSecret } from "@/lib/schemas/endpoints";
import { getEndpointOrThrow } from "./get-endpoint";
import { overlapUntil } from "./secret-overlap";
import { generateSecretFor, schemeOfSecret, verificationKeyOf } from "./signature-scheme";

export interface EndpointSecretView {
  signatureScheme: "v1" | "v1a";
  /** v1 only; a v1a endpoint's whsk_ key is never shown. */
  secret: string | null;
  /** v1a only: the whpk_ key receivers verify with. */
  publicKey: string | null;
  previousSecretExpiresAt: string | null;
}

export async function getEndpointSecret(tenantId: string, endpointId: string): Promise<EndpointSecretView> {
  const endpoint = await getEndpointOrThrow(tenantId, endpointId);
  return {
    ...verificationKeyOf(await openSecret(endpoint.secretEnc)),
    previousSecretExpiresAt: overlapUntil(endpoint.previousSecretExpiresAt),
  };
}

export async function rotateEndpointSecret(
  actor: Principal | null,
  tenantId: string,
  endpointId: string,
  input: TRotateEndpointSecret = {},
): Promise<EndpointSecretView> {
  const { secret: given } = ZRotateEndpointSecret.parse(input);
  // A given key's kind sets the scheme (whsk_: v1a); otherwise a new key of the current scheme.
  const secret =
    given ??
    generateSecretFor((await getEndpointOrThrow(tenantId, endpointId)).signatureScheme === "v1a" ? "v1a" : "v1");
  const sealed = await sealSecret(secret);
  return withTransaction(async (client) => {
    const { rows } = await client.query<{ previous_secret_expires_at: Date }>(
      `UPDATE endpoints
        SET previous_secret_enc = secret_enc, secret_enc = $3, signature_scheme = $5,
            previous_secret_expires_at = now() + make_interval(secs => $4 / 1000.0), updated_at = now()
      WHERE tenant_id = $1 AND id = $2
      RETURNING previous_secret_expires_at`,
      [tenantId, endpointId, sealed, env().HOOKLINE_SECRET_OVERLAP_MS, schemeOfSecret(secret)],
    );
    if (!rows[0]) throw notFound("Endpoint");
    await recordAuditEvent(client, actor, tenantId, "endpoint.secret_rotated", { type: "endpoint", id: endpointId });
    return { ...verificationKeyOf(secret), previousSecretExpiresAt: rows[0].previous_secret_expires_at.toISOString() };
  });
}
