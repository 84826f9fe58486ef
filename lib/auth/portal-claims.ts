// What a portal session's JWT carries (set by the "portal" provider in auth-options.ts, read by
// session.ts and proxy.ts): the tenant, the role, the platform's acting user, when it ends, whether
// it is embedded and which parent origins may frame it. Read back through zod, so a token from
// an older version or a hand-made one is simply no session.
import { z } from "zod";
import type { Principal } from "./principal";

export const ZPortalClaims = z.object({
  tenantId: z.string(),
  role: z.enum(["admin", "viewer"]),
  actor: z.object({ id: z.string().nullable(), email: z.string().nullable(), name: z.string().nullable() }),
  /** Seconds since the epoch; the session ends then, whatever the cookie's own lifetime. */
  expiresAt: z.number(),
  embed: z.boolean(),
  /** frame-ancestors of every page of this session (the tenant's and the global allowed origins). */
  allowedOrigins: z.array(z.string()),
});
export type TPortalClaims = z.infer<typeof ZPortalClaims>;

/**
 * Set by proxy.ts on every page request ("1" for a portal session, "0" otherwise; a client's own
 * value is overwritten): the root layout leaves a portal's theme to its operator.
 */
export const PORTAL_SESSION_HEADER = "x-hookline-portal-session";

export type PortalPrincipal = Extract<Principal, { kind: "portal" }> & { claims: TPortalClaims };

/** The portal session in a decoded JWT, or null (none, malformed or over). */
export function portalClaimsOf(
  token: Record<string, unknown> | null | undefined,
  now = Date.now(),
): TPortalClaims | null {
  if (!token?.portal) return null;
  const parsed = ZPortalClaims.safeParse(token.portal);
  if (!parsed.success || parsed.data.expiresAt * 1_000 <= now) return null;
  return parsed.data;
}

export function portalPrincipal(claims: TPortalClaims): PortalPrincipal {
  return { kind: "portal", tenantId: claims.tenantId, role: claims.role, actor: claims.actor, claims };
}
