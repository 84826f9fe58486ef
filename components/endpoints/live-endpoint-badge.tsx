"use client";
// The state badge of the endpoint page's title, following enable/disable without a reload.
import type { EndpointView } from "./use-endpoint";
import { EndpointStateBadge } from "./endpoint-state";
import { useEndpoint } from "./use-endpoint";

export function LiveEndpointBadge({ tenantId, initialEndpoint }: { tenantId: string; initialEndpoint: EndpointView }) {
  const { data: endpoint = initialEndpoint } = useEndpoint(tenantId, initialEndpoint.id, initialEndpoint);
  return <EndpointStateBadge endpoint={endpoint} />;
}
