// Dashboard sessions as Principals: for route handlers (the session cookie of the request) and
// for server components (getServerSession). A user's row is read on every use, so a deleted
// account or a revoked operator flag takes effect at once, not when the cookie expires. A portal
// session (lib/portal) carries its tenant and role in the token itself and ends at its expiry.
import "server-only";
import { getServerSession } from "next-auth";
import { getToken } from "next-auth/jwt";
import type { NextRequest } from "next/server";
import { db } from "@/lib/db";
import { authOptions } from "./auth-options";
import { portalClaimsOf, portalPrincipal, type PortalPrincipal } from "./portal-claims";
import type { Principal } from "./principal";
import { sessionSecret } from "./session-secret";

export type UserPrincipal = Extract<Principal, { kind: "user" }> & { email: string; name: string | null };
export type SessionPrincipal = UserPrincipal | PortalPrincipal;

async function userPrincipal(userId: unknown): Promise<UserPrincipal | null> {
  if (typeof userId !== "string") return null;
  const user = await db().user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, isOperator: true },
  });
  return user
    ? { kind: "user", userId: user.id, isOperator: user.isOperator, email: user.email, name: user.name }
    : null;
}

async function sessionPrincipal(token: Record<string, unknown> | null | undefined): Promise<SessionPrincipal | null> {
  if (token?.portal) {
    const claims = portalClaimsOf(token);
    return claims ? portalPrincipal(claims) : null;
  }
  return userPrincipal(token?.uid);
}

/** The signed-in user or portal session of a route handler's request, or null. */
export async function principalFromSession(request: NextRequest): Promise<SessionPrincipal | null> {
  return sessionPrincipal(await getToken({ req: request, secret: sessionSecret() }));
}

/** The signed-in user or portal session of the page being rendered, or null. */
export async function currentPrincipal(): Promise<SessionPrincipal | null> {
  const session = await getServerSession(authOptions());
  const user = session?.user as { id?: string; portal?: unknown } | undefined;
  return sessionPrincipal(user ? { uid: user.id, portal: user.portal } : null);
}

/** The signed-in user (an account, not a portal session) of the page being rendered, or null. */
export async function currentUser(): Promise<UserPrincipal | null> {
  const principal = await currentPrincipal();
  return principal?.kind === "user" ? principal : null;
}
