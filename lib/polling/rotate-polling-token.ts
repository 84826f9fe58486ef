// A new polling token for a polling endpoint: the old one stops working at once (a leaked token
// is the usual reason to rotate). Shown once, in the answer; only its hash is stored.
import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Principal } from "@/lib/auth/principal";
import { withTransaction } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { generatePollingToken } from "./polling-token";

export async function rotatePollingToken(
  actor: Principal | null,
  tenantId: string,
  endpointId: string,
): Promise<{ pollingToken: string }> {
  const { token, hash } = generatePollingToken();
  return withTransaction(async (client) => {
    const { rows } = await client.query<{ type: string }>(
      `UPDATE endpoints SET polling_token_hash = CASE WHEN type = 'polling' THEN $3 ELSE polling_token_hash END
        WHERE tenant_id = $1 AND id = $2 RETURNING type`,
      [tenantId, endpointId, hash],
    );
    if (!rows[0]) throw notFound("Endpoint");
    if (rows[0].type !== "polling") throw new AppError("conflict", "Only a polling endpoint has a polling token.");
    await recordAuditEvent(client, actor, tenantId, "endpoint.polling_token_rotated", {
      type: "endpoint",
      id: endpointId,
    });
    return { pollingToken: token };
  });
}
