"use client";
// The event-type catalog for pickers (subscribe an endpoint, send a test event): every
// non-archived type, read page by page once, then searched in the browser.
import { useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { api, unwrap, type Schemas } from "@/client/browser-api";
import type { ZListEventTypesQuery } from "@/lib/schemas/event-types";
import type { ListQuery } from "./endpoint-keys";

export type CatalogEntry = Pick<Schemas["EventType"], "name" | "description" | "archived">;

const MAX_PAGES = 20;

export function useEventTypeCatalog() {
  const query: ListQuery<z.input<typeof ZListEventTypesQuery>> = { limit: 250 };
  return useQuery({
    queryKey: ["event-types", "catalog", query],
    queryFn: async () => {
      const entries: CatalogEntry[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < MAX_PAGES; page++) {
        const result = await unwrap(api.GET("/event-types", { params: { query: { ...query, cursor } } }));
        entries.push(...result.data.map(({ name, description, archived }) => ({ name, description, archived })));
        if (!result.nextCursor) break;
        cursor = result.nextCursor;
      }
      return entries.sort((a, b) => a.name.localeCompare(b.name));
    },
    staleTime: 60_000,
  });
}
