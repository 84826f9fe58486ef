"use client";
import type { z } from "zod";
import { useMutationWithToast } from "@/components/ui/use-mutation-with-toast";
import { apiFetch } from "@/client/api-fetch";
import { usePagedList, type ListPage } from "@/client/hooks/use-paged-list";
import type { ZCreateEventType, ZEventTypeView, ZUpdateEventType } from "@/lib/schemas/event-types";
import { CATALOG_QUERY, catalogKey } from "./queries";

export type EventType = z.infer<typeof ZEventTypeView>;

/** The event-type catalog and the operator's changes to it. */
export function useCatalog(initialPage?: ListPage<EventType>) {
  const list = usePagedList<EventType>({
    queryKey: catalogKey(),
    path: "/api/v1/event-types",
    query: CATALOG_QUERY,
    initialPage,
  });
  // Every list of event types (the tenant pages' pickers too) is stale after a change.
  const invalidates = [["event-types"]];
  const create = useMutationWithToast({
    mutationFn: (input: z.input<typeof ZCreateEventType>) =>
      apiFetch<EventType>("/api/v1/event-types", { body: input }),
    invalidates,
    success: (eventType) => `Event type ${eventType.name} created.`,
    failure: "Could not create the event type.",
  });
  const update = useMutationWithToast({
    mutationFn: ({ name, ...patch }: { name: string } & z.input<typeof ZUpdateEventType>) =>
      apiFetch<EventType>(`/api/v1/event-types/${encodeURIComponent(name)}`, { method: "PATCH", body: patch }),
    invalidates,
    success: (eventType) => `Event type ${eventType.name} saved.`,
    failure: "Could not save the event type.",
  });
  const setArchived = useMutationWithToast({
    mutationFn: ({ name, archived }: { name: string; archived: boolean }) =>
      apiFetch<EventType>(`/api/v1/event-types/${encodeURIComponent(name)}/${archived ? "archive" : "unarchive"}`, {
        method: "POST",
      }),
    invalidates,
    success: (eventType) =>
      eventType.archived
        ? `${eventType.name} archived: it can no longer be published.`
        : `${eventType.name} can be published again.`,
    failure: "Could not change the event type.",
  });
  return { ...list, create, update, setArchived };
}
