import "server-only";
import type { z } from "zod";
import { keysetFilter, pageArgs, toPage, type Page } from "@/lib/api/paginate";
import { db } from "@/lib/db";
import type { Incident } from "@/lib/generated/prisma/client";
import type { TIncidentView, ZListIncidentsQuery } from "@/lib/schemas/incidents";

export function toIncidentView(row: Incident): TIncidentView {
  return {
    id: row.id,
    endpointId: row.endpointId,
    kind: row.kind === "alert" ? "alert" : "failure",
    cause: row.cause,
    status: row.status === "resolved" ? "resolved" : "open",
    firstSeenAt: row.firstSeenAt.toISOString(),
    lastSeenAt: row.lastSeenAt.toISOString(),
    openedAt: row.openedAt.toISOString(),
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    resolvedBy: row.resolvedBy,
    reopenCount: row.reopenCount,
    failedAttempts: row.failedAttempts,
    affectedMessages: row.affectedMessages,
    sampleAttempt:
      row.sampleAttemptId && row.sampleMessageId
        ? {
            id: row.sampleAttemptId,
            messageId: row.sampleMessageId,
            responseStatus: row.sampleStatus,
            error: row.sampleError,
          }
        : null,
    details:
      row.details && typeof row.details === "object" && !Array.isArray(row.details)
        ? (row.details as Record<string, unknown>)
        : null,
  };
}

/** A tenant's incidents and alerts, newest first; optionally only open or resolved ones, of one endpoint. */
export async function listIncidents(
  tenantId: string,
  query: z.output<typeof ZListIncidentsQuery>,
): Promise<Page<TIncidentView>> {
  const rows = await db().incident.findMany({
    where: {
      tenantId,
      id: keysetFilter(query.cursor),
      ...(query.status ? { status: query.status } : {}),
      ...(query.endpointId ? { endpointId: query.endpointId } : {}),
    },
    ...pageArgs(query),
  });
  return toPage(rows, query, (row) => row.id, toIncidentView);
}
