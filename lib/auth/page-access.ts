// Authorisation for dashboard pages, through the same lib/auth/authorize-tenant.ts as the API:
// a tenant the user cannot see is a 404 page (never "forbidden", which would confirm it exists).
import "server-only";
import { notFound, redirect } from "next/navigation";
import { AppError } from "@/lib/errors";
import { isId } from "@/lib/ids";
import { authorizeTenant, type TenantAccess } from "./authorize-tenant";
import type { TenantAction } from "./principal";
import { currentUser, type UserPrincipal } from "./session";

export interface PageAccess {
  user: UserPrincipal;
  access: TenantAccess;
  /** May the user change things here (admin or owner)? Pages hide mutation buttons otherwise. */
  canWrite: boolean;
  canManage: boolean;
}

export async function requireUser(): Promise<UserPrincipal> {
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  return user;
}

export async function requireTenant(tenantId: string, action: TenantAction = "read"): Promise<PageAccess> {
  const user = await requireUser();
  if (!isId("tenant", tenantId)) notFound();
  try {
    const access = await authorizeTenant(user, tenantId, action);
    return { user, access, canWrite: access.role !== "viewer", canManage: access.role === "owner" };
  } catch (error) {
    if (error instanceof AppError && (error.code === "not_found" || error.code === "forbidden")) notFound();
    throw error;
  }
}

export async function requireOperator(): Promise<UserPrincipal> {
  const user = await requireUser();
  if (!user.isOperator) notFound();
  return user;
}
