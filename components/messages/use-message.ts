"use client";
// One message (payload and each endpoint's delivery) and its attempts. Both refresh every few
// seconds while a delivery is still pending or sending, so a retry shows up as it happens.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import type { z } from "zod";
import { api, unwrap, type ListPage, type Schemas } from "@/client/browser-api";
import type { ZListAttemptsQuery } from "@/lib/schemas/messages";
import { tenantMessagesKey } from "./use-message-log";

export type MessageView = Schemas["Message"];
export type DeliveryView = MessageView["deliveries"][number];
export type AttemptView = Schemas["Attempt"];
export type AttemptResult = Schemas["ResendResult"]["data"][number];
type AttemptsQuery = Omit<z.input<typeof ZListAttemptsQuery>, "cursor"> & { limit: number };

const IN_FLIGHT_INTERVAL_MS = 2_000;
const ATTEMPTS_QUERY: AttemptsQuery = { limit: 250 };

export const messageKey = (tenantId: string, messageId: string) =>
  [...tenantMessagesKey(tenantId), "message", messageId] as const;
const attemptsKey = (tenantId: string, messageId: string, query: AttemptsQuery) =>
  [...tenantMessagesKey(tenantId), "attempts", messageId, query] as const;

const messageParams = (tenantId: string, messageId: string) => ({
  path: { tenant: tenantId, message: messageId },
});

export function isInFlight(message: MessageView | undefined): boolean {
  return Boolean(
    message?.deliveries.some((delivery) => delivery.status === "pending" || delivery.status === "sending"),
  );
}

export function useMessage(tenantId: string, messageId: string, initialData?: MessageView) {
  return useQuery({
    queryKey: messageKey(tenantId, messageId),
    queryFn: () =>
      unwrap(api.GET("/tenants/{tenant}/messages/{message}", { params: messageParams(tenantId, messageId) })),
    initialData,
    refetchInterval: (query) => (isInFlight(query.state.data) ? IN_FLIGHT_INTERVAL_MS : false),
  });
}

/** Every attempt of the message, newest first, grouped by endpoint. */
export function useAttempts(
  tenantId: string,
  messageId: string,
  options: { live: boolean; initialPage?: ListPage<AttemptView> },
) {
  const attempts = useInfiniteQuery({
    queryKey: attemptsKey(tenantId, messageId, ATTEMPTS_QUERY),
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET("/tenants/{tenant}/messages/{message}/attempts", {
          params: { ...messageParams(tenantId, messageId), query: { ...ATTEMPTS_QUERY, cursor: pageParam } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    initialData: options.initialPage ? { pages: [options.initialPage], pageParams: [undefined] } : undefined,
    refetchInterval: options.live ? IN_FLIGHT_INTERVAL_MS : false,
  });
  const byEndpoint = useMemo(() => {
    const groups = new Map<string, AttemptView[]>();
    for (const attempt of attempts.data?.pages.flatMap((page) => page.data) ?? []) {
      const group = groups.get(attempt.endpointId) ?? [];
      group.push(attempt);
      groups.set(attempt.endpointId, group);
    }
    return groups;
  }, [attempts.data]);
  return {
    byEndpoint,
    isPending: attempts.isPending,
    error: attempts.error ?? null,
    hasNextPage: attempts.hasNextPage,
    fetchNextPage: () => void attempts.fetchNextPage(),
    isFetchingNextPage: attempts.isFetchingNextPage,
  };
}

/** "Resend": a manual attempt now, to one endpoint or (without one) to all; refreshes every message view after. */
export function useResendMessage(tenantId: string, messageId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas["ResendMessage"]) =>
      unwrap(
        api.POST("/tenants/{tenant}/messages/{message}/resend", { params: messageParams(tenantId, messageId), body }),
      ).then((answer) => answer.data),
    onSettled: () => queryClient.invalidateQueries({ queryKey: tenantMessagesKey(tenantId) }),
  });
}
