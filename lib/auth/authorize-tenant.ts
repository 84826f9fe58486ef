// The one place that decides whether a caller may act on a tenant. A caller with no access at
// all gets 404 (as if the tenant did not exist, so ids cannot be probed); a caller with access
// but too small a role gets 403.
import "server-only";
import { pool } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { ROLE_ALLOWS, ROLE_RANK, type Principal, type TenantAction } from "./principal";

export interface TenantAccess {
  tenantId: string;
  /** The caller's effective role (platform callers act as owner). */
  role: Role;
}

/** Operators and platform-wide keys: every tenant, the catalog, platform keys. */
export function isPlatform(principal: Principal): boolean {
  return principal.kind === "platform" || (principal.kind === "user" && principal.isOperator);
}

// Plain SQL, not Prisma: this runs on every API request (a platform key publishing for its
// tenants included), and Prisma's client costs ~0.5 ms of CPU per query here.
async function roleIn(principal: Principal, tenantId: string): Promise<Role | null> {
  if (isPlatform(principal)) {
    const { rowCount } = await pool().query({
      name: "hookline_tenant_exists",
      text: `SELECT 1 FROM tenants WHERE id = $1`,
      values: [tenantId],
    });
    return rowCount ? "owner" : null;
  }
  switch (principal.kind) {
    case "tenant_key":
    case "portal":
      return principal.tenantId === tenantId ? principal.role : null;
    case "user": {
      const { rows } = await pool().query<{ role: Role }>({
        name: "hookline_membership_role",
        text: `SELECT role FROM memberships WHERE tenant_id = $1 AND user_id = $2`,
        values: [tenantId, principal.userId],
      });
      return rows[0]?.role ?? null;
    }
    default:
      return null;
  }
}

export async function authorizeTenant(
  principal: Principal,
  tenantId: string,
  action: TenantAction,
): Promise<TenantAccess> {
  const role = await roleIn(principal, tenantId);
  if (!role) throw notFound("Tenant");
  if (!ROLE_ALLOWS[role].includes(action)) {
    throw new AppError("forbidden", `Your role (${role}) does not allow this action.`);
  }
  return { tenantId, role };
}

/** Platform-level operations (tenants, the event-type catalog). */
export function assertPlatform(principal: Principal): void {
  if (isPlatform(principal)) return;
  throw new AppError("forbidden", "Only the platform operator may do this.");
}

/**
 * Who may enter a tenant — members, invites, API keys — stays with the platform and the tenant's
 * own accounts: a portal session (a short-lived link for the platform's customer) may not mint
 * a lasting key or read the member list, whatever its role.
 */
export function assertNotPortal(principal: Principal): void {
  if (principal.kind !== "portal") return;
  throw new AppError("forbidden", "A portal session cannot manage members, invites or API keys.");
}

/** Granting (a key, an invite, a member's role) is limited to the granter's own role. */
export function assertMayGrant(access: TenantAccess, role: Role): void {
  if (ROLE_RANK[role] > ROLE_RANK[access.role]) {
    throw new AppError("forbidden", `Your role (${access.role}) cannot grant the role ${role}.`);
  }
}

/** The tenants a caller may see, as a filter for lists (every tenant for the platform). */
export function visibleTenants(principal: Principal): Prisma.TenantWhereInput {
  if (isPlatform(principal)) return {};
  switch (principal.kind) {
    case "tenant_key":
    case "portal":
      return { id: principal.tenantId };
    case "user":
      return { memberships: { some: { userId: principal.userId } } };
    default:
      return { id: { in: [] } };
  }
}
