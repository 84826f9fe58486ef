// The one place that decides whether a caller may act on a tenant. A caller with no access at
// all gets 404 (as if the tenant did not exist, so ids cannot be probed); a caller with access
// but too small a role gets 403.
import "server-only";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { ROLE_ALLOWS, type Principal, type TenantAction } from "./principal";

export interface TenantAccess {
  tenantId: string;
  /** The caller's effective role (platform callers act as owner). */
  role: Role;
}

async function roleIn(principal: Principal, tenantId: string): Promise<Role | null> {
  switch (principal.kind) {
    case "platform": {
      const tenant = await db().tenant.findUnique({ where: { id: tenantId }, select: { id: true } });
      return tenant ? "owner" : null;
    }
    case "tenant_key":
      return principal.tenantId === tenantId ? principal.role : null;
    case "user": {
      if (principal.isOperator) {
        const tenant = await db().tenant.findUnique({ where: { id: tenantId }, select: { id: true } });
        return tenant ? "owner" : null;
      }
      const membership = await db().membership.findUnique({
        where: { tenantId_userId: { tenantId, userId: principal.userId } },
        select: { role: true },
      });
      return membership?.role ?? null;
    }
  }
}

export async function authorizeTenant(principal: Principal, tenantId: string, action: TenantAction): Promise<TenantAccess> {
  const role = await roleIn(principal, tenantId);
  if (!role) throw notFound("Tenant");
  if (!ROLE_ALLOWS[role].includes(action)) {
    throw new AppError("forbidden", `Your role (${role}) does not allow this action.`);
  }
  return { tenantId, role };
}

/** Platform-level operations (tenants, the event-type catalog). */
export function assertPlatform(principal: Principal): void {
  if (principal.kind === "platform" || (principal.kind === "user" && principal.isOperator)) return;
  throw new AppError("forbidden", "Only the platform operator may do this.");
}
