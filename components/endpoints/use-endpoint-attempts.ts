"use client";
// An endpoint's attempts, newest first, polled every 5 s so a new delivery shows up on its own;
// older ones a page at a time.
import { useInfiniteQuery } from "@tanstack/react-query";
import { api, unwrap, type Schemas } from "@/client/browser-api";
import type { TListEndpointAttemptsQuery } from "@/lib/schemas/endpoints";
import { endpointKeys, endpointParams, type ListQuery } from "./endpoint-keys";

export type EndpointAttempt = Schemas["EndpointAttempt"];

export function useEndpointAttempts(
  tenantId: string,
  endpointId: string,
  query: ListQuery<TListEndpointAttemptsQuery> = { limit: 20 },
) {
  return useInfiniteQuery({
    queryKey: endpointKeys.attempts(tenantId, endpointId, query),
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET("/tenants/{tenant}/endpoints/{endpoint}/attempts", {
          params: { ...endpointParams(tenantId, endpointId), query: { ...query, cursor: pageParam } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    refetchInterval: 5_000,
  });
}
