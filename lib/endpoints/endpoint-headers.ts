// Custom headers are stored encrypted (their values are often credentials), so they are read
// and replaced through their own route, like the secret, never shown in the endpoint view.
import "server-only";
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
  tenantId: string,
  endpointId: string,
  input: Record<string, string>,
): Promise<{ headers: Record<string, string> }> {
  const headers = ZEndpointHeaders.parse(input);
  await db().endpoint.update({
    where: { id: endpointId, tenantId },
    data: { headersEnc: Object.keys(headers).length ? await sealJson(headers) : null },
  });
  return { headers };
}
