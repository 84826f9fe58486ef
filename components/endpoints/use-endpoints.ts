"use client";
// The tenant's endpoints, a page at a time ("Load more"), and the 24 h health of the endpoints
// on screen (one request per page of the list).
import { keepPreviousData, useInfiniteQuery, useQueries } from "@tanstack/react-query";
import { api, unwrap, type ListPage, type Schemas } from "@/client/browser-api";
import type { TListEndpointsQuery } from "@/lib/schemas/endpoints";
import { endpointKeys, type ListQuery } from "./endpoint-keys";
import type { EndpointView } from "./use-endpoint";

export type EndpointHealth = Schemas["EndpointHealthList"]["data"][number];

export function useEndpoints(
  tenantId: string,
  query: ListQuery<TListEndpointsQuery>,
  initialPage?: ListPage<EndpointView>,
  refetchInterval = 30_000,
) {
  return useInfiniteQuery({
    queryKey: endpointKeys.list(tenantId, query),
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET("/tenants/{tenant}/endpoints", {
          params: { path: { tenant: tenantId }, query: { ...query, cursor: pageParam } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    initialData: initialPage ? { pages: [initialPage], pageParams: [undefined] } : undefined,
    placeholderData: keepPreviousData,
    refetchInterval,
  });
}

/** Health per endpoint, one request per page of the list (a page is at most 250 ids). */
export function useEndpointHealth(tenantId: string, pages: string[][]) {
  return useQueries({
    queries: pages
      .filter((ids) => ids.length > 0)
      .map((ids) => {
        const query = { endpoints: ids.join(",") };
        return {
          queryKey: endpointKeys.health(tenantId, query),
          queryFn: () =>
            unwrap(api.GET("/tenants/{tenant}/endpoints/health", { params: { path: { tenant: tenantId }, query } })),
          refetchInterval: 30_000,
        };
      }),
    combine: (results) => ({
      byId: new Map(results.flatMap((result) => result.data?.data ?? []).map((entry) => [entry.endpointId, entry])),
      loading: results.some((result) => result.isPending),
    }),
  });
}
