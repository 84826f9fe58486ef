// The audit trail: who changed what in a tenant. Written right after the change succeeded (a
// refused or failed call leaves no event), with the actor as the caller was authenticated: a
// portal session's user as the platform named them in the link, a dashboard account, or a key.
import "server-only";
import type { Principal } from "@/lib/auth/principal";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { newId } from "@/lib/ids";
import type { AuditAction } from "@/lib/schemas/audit";

export interface AuditActor {
  kind: "portal" | "user" | "api_key";
  id: string | null;
  email: string | null;
  name: string | null;
}

/** The principal as the audit trail names it. */
export function auditActorOf(principal: Principal & { email?: string; name?: string | null }): AuditActor {
  switch (principal.kind) {
    case "portal":
      return { kind: "portal", ...principal.actor };
    case "user":
      return { kind: "user", id: principal.userId, email: principal.email ?? null, name: principal.name ?? null };
    default:
      return { kind: "api_key", id: principal.keyId, email: null, name: null };
  }
}

export async function recordAuditEvent(
  principal: Principal,
  tenantId: string,
  action: AuditAction,
  target: { type: "endpoint" | "message"; id: string },
  details?: Record<string, unknown>,
): Promise<void> {
  const actor = auditActorOf(principal);
  await db().auditEvent.create({
    data: {
      id: newId("auditEvent"),
      tenantId,
      action,
      actorKind: actor.kind,
      actorId: actor.id,
      actorEmail: actor.email,
      actorName: actor.name,
      targetType: target.type,
      targetId: target.id,
      details: (details ?? undefined) as Prisma.InputJsonValue | undefined,
    },
  });
}
