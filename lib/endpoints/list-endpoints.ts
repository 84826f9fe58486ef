import "server-only";
import type { z } from "zod";
import { keysetFilter, pageArgs, toPage, type Page } from "@/lib/api/paginate";
import { db } from "@/lib/db";
import type { ZListEndpointsQuery } from "@/lib/schemas/endpoints";
import { toEndpointView, type EndpointView } from "./endpoint-view";

export async function listEndpoints(tenantId: string, query: z.output<typeof ZListEndpointsQuery>): Promise<Page<EndpointView>> {
  const rows = await db().endpoint.findMany({
    where: {
      tenantId,
      id: keysetFilter(query.cursor),
      ...(query.status ? { disabledAt: query.status === "disabled" ? { not: null } : null } : {}),
    },
    ...pageArgs(query),
  });
  return toPage(rows, query, (row) => row.id, toEndpointView);
}
