// Custom headers are stored encrypted (their values are often credentials), so they are read
// and replaced through their own route, like the secret, never shown in the endpoint view.
import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Principal } from "@/lib/auth/principal";
import { openJson, sealJson } from "@/lib/crypto";
import { db } from "@/lib/db";
import { ZEndpointHeaders } from "@/lib/schemas/endpoints";
import { getEndpointOrThrow } from "./get-endpoint";

export async function getEndpointHeaders(
  tenantId: string,
  endpointId: string,
): Promise<{ headers: Record<string, string> }> {
  const endpoint = await getEndpointOrThrow(tenantId, endpointId);
  return {
    headers: endpoint.headersEnc ? await openJson(endpoint.headersEnc, (value) => ZEndpointHeaders.parse(value)) : {},
  };
}

export async function replaceEndpointHeaders(
  actor: Principal | null,
  tenantId: string,
  endpointId: string,
  input: Record<string, string>,
): Promise<{ headers: Record<string, string> }> {
  const headers = ZEndpointHeaders.parse(input);
  const headersEnc = Object.keys(headers).length ? await sealJson(headers) : null;
  await db().$transaction(async (tx) => {
    await tx.endpoint.update({ where: { id: endpointId, tenantId }, data: { headersEnc } });
    // Header names only: values are often credentials.
    await recordAuditEvent(
      tx,
      actor,
      tenantId,
      "endpoint.headers_replaced",
      { type: "endpoint", id: endpointId },
      { names: Object.keys(headers).sort() },
    );
  });
  return { headers };
}
