"use client";
// One keyset-paginated API list as a react-query infinite query: the first page can come from
// the server component (first paint without a spinner), "load more" follows `nextCursor`.
import { useInfiniteQuery, type QueryKey } from "@tanstack/react-query";
import type { ListPage } from "@/client/browser-api";

export type { ListPage };

export function usePagedList<Item>(options: {
  queryKey: QueryKey;
  /** One page from the API, from `cursor` on (none: the first page). */
  fetchPage: (cursor: string | undefined) => Promise<ListPage<Item>>;
  initialPage?: ListPage<Item>;
  refetchInterval?: number;
}) {
  const result = useInfiniteQuery({
    queryKey: options.queryKey,
    queryFn: ({ pageParam }) => options.fetchPage(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    initialData: options.initialPage ? { pages: [options.initialPage], pageParams: [undefined] } : undefined,
    refetchInterval: options.refetchInterval,
  });
  const items = result.data?.pages.flatMap((page) => page.data) ?? [];
  return { ...result, items };
}
