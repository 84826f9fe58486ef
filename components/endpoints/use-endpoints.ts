"use client";
// The tenant's endpoints, a page at a time ("Load more"), and the 24 h health of the endpoints
// on screen (one request per page of the list).
import { keepPreviousData, useInfiniteQuery, useQueries } from "@tanstack/react-query";
import type { z } from "zod";
import type { EndpointView } from "@/lib/endpoints/endpoint-view";
import type { Page } from "@/lib/api/paginate";
import { apiFetch } from "@/client/api-fetch";
import type { TListEndpointsQuery, ZEndpointHealthList } from "@/lib/schemas/endpoints";
import { endpointKeys, endpointsPath, type ListQuery } from "./endpoint-keys";

export type EndpointHealth = z.infer<typeof ZEndpointHealthList>["data"][number];

export function useEndpoints(
  tenantId: string,
  query: ListQuery<TListEndpointsQuery>,
  initialPage?: Page<EndpointView>,
  refetchInterval = 30_000,
) {
  return useInfiniteQuery({
    queryKey: endpointKeys.list(tenantId, query),
    queryFn: ({ pageParam }) =>
      apiFetch<Page<EndpointView>>(endpointsPath(tenantId), { query: { ...query, cursor: pageParam } }),
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
          queryFn: () => apiFetch<z.infer<typeof ZEndpointHealthList>>(`${endpointsPath(tenantId)}/health`, { query }),
          refetchInterval: 30_000,
        };
      }),
    combine: (results) => ({
      byId: new Map(results.flatMap((result) => result.data?.data ?? []).map((entry) => [entry.endpointId, entry])),
      loading: results.some((result) => result.isPending),
    }),
  });
}
