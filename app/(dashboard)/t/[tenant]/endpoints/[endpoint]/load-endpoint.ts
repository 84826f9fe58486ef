// The endpoint of an /endpoints/[endpoint] page, scoped by the tenant: an unknown id, a
// malformed one or another tenant's endpoint is the not-found page.
import "server-only";
import { notFound } from "next/navigation";
import { getEndpointOrThrow, type EndpointRow } from "@/lib/endpoints";
import { AppError } from "@/lib/errors";
import { isId } from "@/lib/ids";

export async function loadEndpoint(tenantId: string, endpointId: string): Promise<EndpointRow> {
  if (!isId("endpoint", endpointId)) notFound();
  try {
    return await getEndpointOrThrow(tenantId, endpointId);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}
