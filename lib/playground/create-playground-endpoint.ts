import "server-only";
import { createEndpoint } from "@/lib/endpoints/create-endpoint";
import type { EndpointView } from "@/lib/endpoints/endpoint-view";
import { updateEndpoint } from "@/lib/endpoints/update-endpoint";
import type { TCreateEndpoint } from "@/lib/schemas/endpoints";
import { playgroundPath, type PlaygroundMode } from "./receive-playground-webhook";

/**
 * An endpoint of `tenantId` that delivers to this instance's playground receiver
 * (`<publicUrl>/api/playground/<mode>/<its own id>`). Its URL names its id, which exists only
 * once it is created, so it is created at a placeholder path and pointed home right after.
 */
export async function createPlaygroundEndpoint(
  tenantId: string,
  mode: PlaygroundMode,
  publicUrl: string,
  input: Omit<TCreateEndpoint, "url"> = {},
): Promise<EndpointView> {
  const { origin } = new URL(publicUrl);
  const created = await createEndpoint(null, tenantId, { ...input, url: `${origin}${playgroundPath(mode, "new")}` });
  return updateEndpoint(null, tenantId, created.id, { url: `${origin}${playgroundPath(mode, created.id)}` });
}
