"use client";
// The delivery log's data: keyset pages the user loads with "Load more", plus a poll of the
// newest page while live. Loaded pages never refetch on their own — that would shift or drop
// rows under the reader — so new messages come from the poll and are put on top, and the rows
// the poll also returns take its fresher delivery states. When more arrived between two polls
// than one page holds, `gap` says so (the list offers to start again from the newest).
import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useEffect, useMemo } from "react";
import { api, unwrap, type ListPage, type Schemas } from "@/client/browser-api";
import { LOG_PAGE_SIZE, type MessageLogQuery } from "./message-filters";

export type MessageSummary = Schemas["MessageSummary"];
export type MessagePage = ListPage<MessageSummary>;

const LIVE_INTERVAL_MS = 3_000;

/** Every query of a tenant's messages starts with this (log, message, attempts): invalidate it after a change. */
export const tenantMessagesKey = (tenantId: string) => ["messages", tenantId] as const;
export const messageLogKey = (tenantId: string, query: MessageLogQuery) =>
  [...tenantMessagesKey(tenantId), "log", query] as const;

function fetchPage(tenantId: string, query: MessageLogQuery, cursor: string | undefined): Promise<MessagePage> {
  return unwrap(
    api.GET("/tenants/{tenant}/messages", {
      params: { path: { tenant: tenantId }, query: { ...query, limit: LOG_PAGE_SIZE, cursor } },
    }),
  );
}

export function useMessageLog(
  tenantId: string,
  query: MessageLogQuery,
  options: { live: boolean; initialPage?: MessagePage },
) {
  const key = messageLogKey(tenantId, query);
  const pages = useInfiniteQuery({
    queryKey: key,
    queryFn: ({ pageParam }) => fetchPage(tenantId, query, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    initialData: options.initialPage ? { pages: [options.initialPage], pageParams: [undefined] } : undefined,
    // Other filters: the rows of the previous ones stay (dimmed) until the new ones are in.
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });
  const head = useQuery({
    queryKey: [...key, "newest"],
    queryFn: () => fetchPage(tenantId, query, undefined),
    initialData: options.initialPage,
    initialDataUpdatedAt: pages.dataUpdatedAt,
    refetchInterval: options.live ? LIVE_INTERVAL_MS : false,
    staleTime: LIVE_INTERVAL_MS,
    enabled: pages.isSuccess && !pages.isPlaceholderData,
  });

  const loaded = useMemo(() => pages.data?.pages.flatMap((page) => page.data) ?? [], [pages.data]);
  const newest = pages.isPlaceholderData ? undefined : head.data;
  const { messages, arrived, gap } = useMemo(() => {
    const fresh = newest?.data ?? [];
    const freshById = new Map(fresh.map((message) => [message.id, message]));
    const top = loaded[0]?.id;
    const arrivedRows = top ? fresh.filter((message) => message.id > top) : [];
    return {
      messages: [...arrivedRows, ...loaded.map((message) => freshById.get(message.id) ?? message)],
      arrived: new Set(arrivedRows.map((message) => message.id)),
      gap: Boolean(top && newest?.nextCursor && arrivedRows.length === fresh.length),
    };
  }, [loaded, newest]);

  // The log was empty and the poll found messages: load the pages properly (so that "Load
  // more" continues from them) instead of showing poll rows without a next page.
  const emptyButArrived = pages.isSuccess && loaded.length === 0 && (newest?.data.length ?? 0) > 0;
  const { refetch } = pages;
  useEffect(() => {
    if (emptyButArrived) void refetch();
  }, [emptyButArrived, refetch]);

  return {
    messages,
    /** Ids of the rows the poll brought since the pages were loaded (to highlight them). */
    arrived,
    gap,
    isPending: pages.isPending,
    error: pages.error ?? null,
    hasNextPage: pages.hasNextPage,
    isFetchingNextPage: pages.isFetchingNextPage,
    fetchNextPage: () => void pages.fetchNextPage(),
    /** Start again from the newest message (after a gap). */
    restart: () => void pages.refetch(),
    /** Rows of the previous filters, shown while the new ones load. */
    isStale: pages.isPlaceholderData,
    liveError: head.error ?? null,
  };
}
