// Which keys a caller may see and touch. Platform callers: every key. Tenant callers: the keys
// of their tenant (a platform key or another tenant's key is "not found", never "forbidden").
import "server-only";
import { assertNotPortal, authorizeTenant, isPlatform, type TenantAccess } from "@/lib/auth/authorize-tenant";
import type { Principal, TenantAction } from "@/lib/auth/principal";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { ApiKey } from "@/lib/generated/prisma/client";

/** The caller's own tenant, when the request names none (tenant keys act in their tenant). */
export function defaultTenantOf(principal: Principal): string | undefined {
  return principal.kind === "tenant_key" ? principal.tenantId : undefined;
}

/** The tenant a key operation acts in (null: platform-wide, for platform callers only). */
export async function keyTenantAccess(
  principal: Principal,
  tenantId: string | undefined,
  action: TenantAction,
): Promise<TenantAccess | null> {
  assertNotPortal(principal);
  const target = tenantId ?? defaultTenantOf(principal);
  if (target) return authorizeTenant(principal, target, action);
  if (isPlatform(principal)) return null;
  throw new AppError("validation_failed", "Name the tenant (tenantId).", [
    { path: "tenantId", message: "is required" },
  ]);
}

/** A key the caller may act on, with the caller's access to its tenant (null for platform keys). */
export async function getApiKeyOrThrow(
  principal: Principal,
  keyId: string,
  action: TenantAction,
): Promise<{ key: ApiKey; access: TenantAccess | null }> {
  assertNotPortal(principal);
  const key = await db().apiKey.findUnique({ where: { id: keyId } });
  if (!key) throw notFound("API key");
  if (key.tenantId === null) {
    if (!isPlatform(principal)) throw notFound("API key");
    return { key, access: null };
  }
  try {
    return { key, access: await authorizeTenant(principal, key.tenantId, action) };
  } catch (error) {
    // The tenant "not found" would name the wrong thing; the caller asked for a key.
    if (error instanceof AppError && error.code === "not_found") throw notFound("API key");
    throw error;
  }
}
