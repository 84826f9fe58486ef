"use client";
import { api, unwrap, type Schemas } from "@/client/browser-api";
import { usePagedList, type ListPage } from "@/client/hooks/use-paged-list";
import { useMutationWithToast } from "@/components/ui/use-mutation-with-toast";
import { CATALOG_QUERY, catalogKey } from "./queries";

export type EventType = Schemas["EventType"];

// The same query as the server page's first page, as the API reads it from the URL.
const CATALOG_QUERY_PARAMS = {
  limit: CATALOG_QUERY.limit,
  includeArchived: CATALOG_QUERY.includeArchived ? "true" : "false",
} as const;

/** The event-type catalog and the operator's changes to it. */
export function useCatalog(initialPage?: ListPage<EventType>) {
  const list = usePagedList({
    queryKey: catalogKey(),
    fetchPage: (cursor) => unwrap(api.GET("/event-types", { params: { query: { ...CATALOG_QUERY_PARAMS, cursor } } })),
    initialPage,
  });
  // Every list of event types (the tenant pages' pickers too) is stale after a change.
  const invalidates = [["event-types"]];
  const named = (name: string) => ({ params: { path: { name } } });
  const create = useMutationWithToast({
    mutationFn: (body: Schemas["CreateEventType"]) => unwrap(api.POST("/event-types", { body })),
    invalidates,
    success: (eventType) => `Event type ${eventType.name} created.`,
    failure: "Could not create the event type.",
  });
  const update = useMutationWithToast({
    mutationFn: ({ name, ...body }: { name: string } & Schemas["UpdateEventType"]) =>
      unwrap(api.PATCH("/event-types/{name}", { ...named(name), body })),
    invalidates,
    success: (eventType) => `Event type ${eventType.name} saved.`,
    failure: "Could not save the event type.",
  });
  const setArchived = useMutationWithToast({
    mutationFn: ({ name, archived }: { name: string; archived: boolean }) =>
      unwrap(
        archived
          ? api.POST("/event-types/{name}/archive", named(name))
          : api.POST("/event-types/{name}/unarchive", named(name)),
      ),
    invalidates,
    success: (eventType) =>
      eventType.archived
        ? `${eventType.name} archived: it can no longer be published.`
        : `${eventType.name} can be published again.`,
    failure: "Could not change the event type.",
  });
  return { ...list, create, update, setArchived };
}
