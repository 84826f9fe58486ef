import "server-only";
import type { z } from "zod";
import { keysetFilter, pageArgs, toPage, type Page } from "@/lib/api/paginate";
import { db } from "@/lib/db";
import type { ZListEventTypesQuery } from "@/lib/schemas/event-types";
import { toEventTypeView, type EventTypeView } from "./event-type-view";
import { NOT_RESERVED } from "./reserved-event-types";

/** The catalog, page by page; the reserved operational types are not part of it. */
export async function listEventTypes(query: z.output<typeof ZListEventTypesQuery>): Promise<Page<EventTypeView>> {
  const rows = await db().eventType.findMany({
    where: { id: keysetFilter(query.cursor), ...NOT_RESERVED, ...(query.includeArchived ? {} : { archivedAt: null }) },
    ...pageArgs(query),
  });
  return toPage(rows, query, (row) => row.id, toEventTypeView);
}

/** The whole catalog, archived types included (for the OpenAPI `webhooks` section). */
export async function listAllEventTypes(): Promise<EventTypeView[]> {
  const rows = await db().eventType.findMany({ orderBy: { name: "asc" } });
  return rows.map(toEventTypeView);
}
