import "server-only";
import type { z } from "zod";
import { keysetFilter, pageArgs, toPage, type Page } from "@/lib/api/paginate";
import { db } from "@/lib/db";
import type { AuditEvent } from "@/lib/generated/prisma/client";
import { AUDIT_ACTIONS, type AuditAction, type TAuditEventView, type ZListAuditEventsQuery } from "@/lib/schemas/audit";

/** How the trail names HOOKLINE_ADMIN_API_KEY, which is no row of api_keys. */
export const ADMIN_KEY_NAME = "Admin API key (HOOKLINE_ADMIN_API_KEY)";

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

/**
 * A tenant's audit events, newest first. An API key is named by its name (as the API keys list
 * shows it, revoked keys included), read when the trail is, so a key renamed or revoked later
 * still reads as people know it; the admin key from the settings has no row and is named so.
 */
export async function listAuditEvents(
  tenantId: string,
  query: z.output<typeof ZListAuditEventsQuery>,
): Promise<Page<TAuditEventView>> {
  const rows = await db().auditEvent.findMany({
    where: { tenantId, id: keysetFilter(query.cursor) },
    ...pageArgs(query),
  });
  const keyIds = [...new Set(rows.flatMap((row) => (row.actorKind === "api_key" && row.actorId ? [row.actorId] : [])))];
  const keyNames = new Map(
    keyIds.length
      ? (await db().apiKey.findMany({ where: { id: { in: keyIds } }, select: { id: true, name: true } })).map(
          (key) => [key.id, key.name] as const,
        )
      : [],
  );
  const named = (row: AuditEvent): AuditEvent =>
    row.actorKind !== "api_key" || row.actorName
      ? row
      : { ...row, actorName: row.actorId ? (keyNames.get(row.actorId) ?? null) : ADMIN_KEY_NAME };
  return toPage(
    rows,
    query,
    (row) => row.id,
    (row) => toAuditEventView(named(row)),
  );
}
