// The audit trail: who changed what in a tenant. Each audited mutation (lib/endpoints,
// lib/deliveries) takes the actor and writes its event in its own transaction, so an event
// exists exactly when the change committed. The actor is named as the caller was
// authenticated: a portal session's user as the platform named them in the link, a dashboard
// account, or a key. A null actor is Hookline itself (the demo seed, the operations endpoint)
// or a test calling lib directly: nothing to audit.
import "server-only";
import type pg from "pg";
import type { Principal } from "@/lib/auth/principal";
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

/** Where the mutation writes: its pg transaction (withTransaction) or Prisma's interactive one. */
export type AuditTransaction = pg.ClientBase | pg.Pool | Prisma.TransactionClient;

const INSERT_SQL = `INSERT INTO audit_events
  (id, tenant_id, action, actor_kind, actor_id, actor_email, actor_name, target_type, target_id, details)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb)`;

export async function recordAuditEvent(
  tx: AuditTransaction,
  actor: Principal | null,
  tenantId: string,
  action: AuditAction,
  target: { type: "endpoint" | "message" | "incident"; id: string },
  details?: Record<string, unknown>,
): Promise<void> {
  if (!actor) return;
  const who = auditActorOf(actor);
  const values = [
    newId("auditEvent"),
    tenantId,
    action,
    who.kind,
    who.id,
    who.email,
    who.name,
    target.type,
    target.id,
    details === undefined ? null : JSON.stringify(details),
  ];
  if ("$executeRawUnsafe" in tx) await tx.$executeRawUnsafe(INSERT_SQL, ...values);
  else await tx.query(INSERT_SQL, values);
}
