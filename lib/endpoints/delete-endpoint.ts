import "server-only";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";

/** Deletes the endpoint with its deliveries and attempts (cascade); messages stay. */
export async function deleteEndpoint(tenantId: string, endpointId: string): Promise<void> {
  const { count } = await db().endpoint.deleteMany({ where: { id: endpointId, tenantId } });
  if (count === 0) throw notFound("Endpoint");
}
