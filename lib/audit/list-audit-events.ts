import "server-only";
import type { z } from "zod";
import { keysetFilter, pageArgs, toPage, type Page } from "@/lib/api/paginate";
import { db } from "@/lib/db";
import type { AuditEvent } from "@/lib/generated/prisma/client";
import { AUDIT_ACTIONS, type AuditAction, type TAuditEventView, type ZListAuditEventsQuery } from "@/lib/schemas/audit";

export function toAuditEventView(row: AuditEvent): TAuditEventView {
  return {
    id: row.id,
    action: (AUDIT_ACTIONS as readonly string[]).includes(row.action)
      ? (row.action as AuditAction)
      : "endpoint.updated",
    actor: {
      kind: row.actorKind as TAuditEventView["actor"]["kind"],
      id: row.actorId,
      email: row.actorEmail,
      name: row.actorName,
    },
    target: row.targetType && row.targetId ? { type: row.targetType, id: row.targetId } : null,
    details:
      row.details && typeof row.details === "object" && !Array.isArray(row.details)
        ? (row.details as Record<string, unknown>)
        : null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** A tenant's audit events, newest first. */
export async function listAuditEvents(
  tenantId: string,
  query: z.output<typeof ZListAuditEventsQuery>,
): Promise<Page<TAuditEventView>> {
  const rows = await db().auditEvent.findMany({
    where: { tenantId, id: keysetFilter(query.cursor) },
    ...pageArgs(query),
  });
  return toPage(rows, query, (row) => row.id, toAuditEventView);
}
