"use client";
// The event-type catalog. Catalogs are small (tens of types), so every page is loaded, one
// after the other, and searching happens in the browser, instantly.
import { useInfiniteQuery } from "@tanstack/react-query";
import { useEffect, useMemo } from "react";
import type { z } from "zod";
import { api, unwrap, type ListPage, type Schemas } from "@/client/browser-api";
import type { ZListEventTypesQuery } from "@/lib/schemas/event-types";

export type EventTypeView = Schemas["EventType"];
type EventTypesQuery = Omit<z.input<typeof ZListEventTypesQuery>, "cursor"> & { limit: number };

export const eventTypesKey = (query: EventTypesQuery) => ["event-types", "catalog", query] as const;

export function useEventTypes(options: { includeArchived: boolean; initialPage?: ListPage<EventTypeView> }) {
  const query: EventTypesQuery = { limit: 250, includeArchived: options.includeArchived ? "true" : "false" };
  const pages = useInfiniteQuery({
    queryKey: eventTypesKey(query),
    queryFn: ({ pageParam }) => unwrap(api.GET("/event-types", { params: { query: { ...query, cursor: pageParam } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    initialData: options.initialPage ? { pages: [options.initialPage], pageParams: [undefined] } : undefined,
    staleTime: 60_000,
  });
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = pages;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
  const eventTypes = useMemo(
    () => (pages.data?.pages.flatMap((page) => page.data) ?? []).sort((a, b) => a.name.localeCompare(b.name)),
    [pages.data],
  );
  return {
    eventTypes,
    isPending: pages.isPending,
    isComplete: pages.isSuccess && !hasNextPage,
    error: pages.error ?? null,
  };
}
