"use client";
// One keyset-paginated API list as a react-query infinite query: the first page can come from
// the server component (first paint without a spinner), "load more" follows `nextCursor`.
import { useInfiniteQuery, type QueryKey } from "@tanstack/react-query";
import { apiFetch } from "@/client/api-fetch";

export interface ListPage<Item> {
  data: Item[];
  nextCursor: string | null;
}

type QueryValues = Record<string, string | number | boolean | undefined | null>;

export function usePagedList<Item>(options: {
  queryKey: QueryKey;
  path: string;
  query?: QueryValues;
  initialPage?: ListPage<Item>;
  refetchInterval?: number;
}) {
  const result = useInfiniteQuery({
    queryKey: options.queryKey,
    queryFn: ({ pageParam }) =>
      apiFetch<ListPage<Item>>(options.path, {
        query: { ...stringify(options.query), cursor: pageParam },
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    initialData: options.initialPage ? { pages: [options.initialPage], pageParams: [undefined] } : undefined,
    refetchInterval: options.refetchInterval,
  });
  const items = result.data?.pages.flatMap((page) => page.data) ?? [];
  return { ...result, items };
}

function stringify(query: QueryValues = {}): Record<string, string | number | undefined | null> {
  return Object.fromEntries(
    Object.entries(query).map(([name, value]) => [name, typeof value === "boolean" ? String(value) : value]),
  );
}
