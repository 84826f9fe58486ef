// Spending a portal token: one conditional UPDATE (unused, not expired, this tenant) marks it
// used and returns it, so of two tabs racing with one link exactly one gets a session. Anything
// else — unknown, tampered, expired, used, another tenant's — is "not valid" to the caller; the
// reason is only for the page to word its message.
import "server-only";
import type { PortalActor } from "@/lib/auth/principal";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { hashPortalToken, looksLikePortalToken } from "./portal-token";

export interface RedeemedPortalToken {
  tenantId: string;
  role: "admin" | "viewer";
  actor: PortalActor;
  /** When the session it opens ends (HOOKLINE_PORTAL_SESSION_MAX_AGE_S from now). */
  sessionExpiresAt: Date;
}

export async function redeemPortalToken(tenantId: string, token: unknown): Promise<RedeemedPortalToken | null> {
  if (!looksLikePortalToken(token)) return null;
  const now = new Date();
  const rows = await db().portalToken.updateManyAndReturn({
    where: { tokenHash: hashPortalToken(token), tenantId, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  const row = rows[0];
  if (!row || row.role === "owner") return null;
  return {
    tenantId: row.tenantId,
    role: row.role,
    actor: { id: row.actorId, email: row.actorEmail, name: row.actorName },
    sessionExpiresAt: new Date(now.getTime() + env().HOOKLINE_PORTAL_SESSION_MAX_AGE_S * 1_000),
  };
}
