// Authorisation for dashboard pages, through the same lib/auth/authorize-tenant.ts as the API:
// a tenant the caller cannot see is a 404 page (never "forbidden", which would confirm it exists).
// A portal session is a caller too: it sees its one tenant, and never the pages that stay with
// the platform (members and API keys, the operator's pages).
import "server-only";
import { notFound, redirect } from "next/navigation";
import { AppError } from "@/lib/errors";
import { isId } from "@/lib/ids";
import { authorizeTenant, type TenantAccess } from "./authorize-tenant";
import type { TenantAction } from "./principal";
import { currentPrincipal, type SessionPrincipal, type UserPrincipal } from "./session";

export interface PageAccess {
  principal: SessionPrincipal;
  access: TenantAccess;
  /** May the caller change things here (admin or owner)? Pages hide mutation buttons otherwise. */
  canWrite: boolean;
  canManage: boolean;
}

/** The signed-in user or portal session; none: to sign-in. */
export async function requirePrincipal(): Promise<SessionPrincipal> {
  const principal = await currentPrincipal();
  if (!principal) redirect("/sign-in");
  return principal;
}

/** An account (not a portal session): a portal session is sent back to its tenant. */
export async function requireUser(): Promise<UserPrincipal> {
  const principal = await requirePrincipal();
  if (principal.kind === "portal") redirect(`/t/${principal.tenantId}`);
  return principal;
}

export async function requireTenant(tenantId: string, action: TenantAction = "read"): Promise<PageAccess> {
  const principal = await requirePrincipal();
  if (!isId("tenant", tenantId)) notFound();
  try {
    const access = await authorizeTenant(principal, tenantId, action);
    return { principal, access, canWrite: access.role !== "viewer", canManage: access.role === "owner" };
  } catch (error) {
    if (error instanceof AppError && (error.code === "not_found" || error.code === "forbidden")) notFound();
    throw error;
  }
}

/** Pages that stay with the tenant's accounts (members, API keys): not found for a portal session. */
export async function requireTenantMember(
  tenantId: string,
  action: TenantAction = "read",
): Promise<PageAccess & { user: UserPrincipal }> {
  const page = await requireTenant(tenantId, action);
  if (page.principal.kind === "portal") notFound();
  return { ...page, user: page.principal };
}

export async function requireOperator(): Promise<UserPrincipal> {
  const principal = await requirePrincipal();
  if (principal.kind !== "user" || !principal.isOperator) notFound();
  return principal;
}
