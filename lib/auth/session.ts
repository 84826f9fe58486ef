// Dashboard sessions as Principals: for route handlers (the session cookie of the request) and
// for server components (getServerSession). The user row is read on every use, so a deleted
// account or a revoked operator flag takes effect at once, not when the cookie expires.
import "server-only";
import { getServerSession } from "next-auth";
import { getToken } from "next-auth/jwt";
import type { NextRequest } from "next/server";
import { db } from "@/lib/db";
import { authOptions } from "./auth-options";
import type { Principal } from "./principal";
import { sessionSecret } from "./session-secret";

export type UserPrincipal = Extract<Principal, { kind: "user" }> & { email: string; name: string | null };

async function userPrincipal(userId: unknown): Promise<UserPrincipal | null> {
  if (typeof userId !== "string") return null;
  const user = await db().user.findUnique({ where: { id: userId }, select: { id: true, email: true, name: true, isOperator: true } });
  return user ? { kind: "user", userId: user.id, isOperator: user.isOperator, email: user.email, name: user.name } : null;
}

/** The signed-in user of a route handler's request, or null. */
export async function principalFromSession(request: NextRequest): Promise<UserPrincipal | null> {
  const token = await getToken({ req: request, secret: sessionSecret() });
  return userPrincipal(token?.uid);
}

/** The signed-in user of the page being rendered, or null. */
export async function currentUser(): Promise<UserPrincipal | null> {
  const session = await getServerSession(authOptions());
  return userPrincipal((session?.user as { id?: string } | undefined)?.id);
}
