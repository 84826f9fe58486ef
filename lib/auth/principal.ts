// Who is calling. Every API route and page resolves its caller to one of these, and every
// tenant-scoped lib/ function is authorised through lib/auth/authorize-tenant.ts with it.
import type { Role } from "@/lib/generated/prisma/enums";

export type Principal =
  /** Platform-wide: the operator's API keys and HOOKLINE_ADMIN_API_KEY. Sees every tenant. */
  | { kind: "platform"; keyId: string | null }
  /** An API key scoped to one tenant, with a role in it. */
  | { kind: "tenant_key"; keyId: string; tenantId: string; role: Role }
  /** A signed-in dashboard user; operators see every tenant. */
  | { kind: "user"; userId: string; isOperator: boolean }
  /**
   * A portal session, opened with a portal link (lib/portal): one tenant, one role (admin or
   * viewer), never members or API keys. `actor` is the platform's user named in the link.
   */
  | { kind: "portal"; tenantId: string; role: "admin" | "viewer"; actor: PortalActor };

export interface PortalActor {
  id: string | null;
  email: string | null;
  name: string | null;
}

export type TenantAction = "read" | "write" | "manage";

/** viewer reads; admin also writes (endpoints, messages, keys); owner also manages (members). */
export const ROLE_ALLOWS: Record<Role, readonly TenantAction[]> = {
  viewer: ["read"],
  admin: ["read", "write"],
  owner: ["read", "write", "manage"],
};

/** Roles ordered by power, for "you cannot hand out more than you have". */
export const ROLE_RANK: Record<Role, number> = { viewer: 0, admin: 1, owner: 2 };
