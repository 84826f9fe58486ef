import "server-only";
import type { z } from "zod";
import { assertMayGrant } from "@/lib/auth/authorize-tenant";
import type { Principal } from "@/lib/auth/principal";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import type { ZCreateApiKey, ZCreatedApiKey } from "@/lib/schemas/api-keys";
import { generateApiKey } from "./api-key-format";
import { toApiKeyView } from "./api-key-view";
import { keyTenantAccess } from "./key-scope";

/**
 * A new key, shown once in the answer. A tenant key gets a role no higher than its creator's
 * (viewer unless asked); without a tenant, the key is platform-wide (operators only).
 */
export async function createApiKey(
  principal: Principal,
  data: z.output<typeof ZCreateApiKey>,
): Promise<z.infer<typeof ZCreatedApiKey>> {
  if (data.expiresAt && data.expiresAt.getTime() <= Date.now()) {
    throw new AppError("validation_failed", "The expiry must be in the future.", [
      { path: "expiresAt", message: "must be in the future" },
    ]);
  }
  const access = await keyTenantAccess(principal, data.tenantId, "write");
  if (!access && data.role) {
    throw new AppError("validation_failed", "Platform-wide keys have no role.", [
      { path: "role", message: "only for tenant keys" },
    ]);
  }
  const role = access ? (data.role ?? "viewer") : null;
  if (access && role) assertMayGrant(access, role);
  const { key, prefix, hash } = generateApiKey();
  const row = await db().apiKey.create({
    data: {
      id: newId("apiKey"),
      tenantId: access?.tenantId ?? null,
      role,
      name: data.name,
      prefix,
      hash,
      createdBy: principal.kind === "user" ? principal.userId : principal.kind === "portal" ? null : principal.keyId,
      expiresAt: data.expiresAt ?? null,
    },
  });
  return { ...toApiKeyView(row), key };
}
