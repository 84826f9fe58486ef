"use client";
// An endpoint's attempts, newest first, polled every 5 s so a new delivery shows up on its own;
// older ones a page at a time.
import { useInfiniteQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { Page } from "@/lib/api/paginate";
import { apiFetch } from "@/client/api-fetch";
import type { TListEndpointAttemptsQuery, ZEndpointAttemptView } from "@/lib/schemas/endpoints";
import { endpointKeys, endpointPath, type ListQuery } from "./endpoint-keys";

export type EndpointAttempt = z.infer<typeof ZEndpointAttemptView>;

export function useEndpointAttempts(
  tenantId: string,
  endpointId: string,
  query: ListQuery<TListEndpointAttemptsQuery> = { limit: 20 },
) {
  return useInfiniteQuery({
    queryKey: endpointKeys.attempts(tenantId, endpointId, query),
    queryFn: ({ pageParam }) =>
      apiFetch<Page<EndpointAttempt>>(`${endpointPath(tenantId, endpointId)}/attempts`, {
        query: { ...query, cursor: pageParam },
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    refetchInterval: 5_000,
  });
}
