"use client";
// The tenant's endpoints as the log names them, for the endpoint filter and the per-endpoint
// badges: the endpoints' own list hook (components/endpoints), one page of the largest size,
// which is plenty for a filter; an endpoint past it still shows, under a short form of its id.
import { useMemo } from "react";
import { useEndpoints } from "@/components/endpoints/use-endpoints";
import type { EndpointView } from "@/components/endpoints/use-endpoint";

export interface EndpointLabel {
  id: string;
  url: string;
  /** Short: the description, or the URL's host and path. */
  label: string;
  disabled: boolean;
}

export function endpointLabelOf(endpoint: Pick<EndpointView, "id" | "url" | "description" | "status">): EndpointLabel {
  let label = endpoint.description.trim();
  if (!label) {
    try {
      const url = new URL(endpoint.url);
      label = `${url.host}${url.pathname === "/" ? "" : url.pathname}`;
    } catch {
      label = endpoint.url;
    }
  }
  return { id: endpoint.id, url: endpoint.url, label, disabled: endpoint.status === "disabled" };
}

export function useEndpointLabels(tenantId: string) {
  const endpoints = useEndpoints(tenantId, { limit: 250 });
  const labels = useMemo(
    () => new Map((endpoints.data?.pages[0]?.data ?? []).map((endpoint) => [endpoint.id, endpointLabelOf(endpoint)])),
    [endpoints.data],
  );
  return { labels, list: [...labels.values()], isPending: endpoints.isPending };
}
