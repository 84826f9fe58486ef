import "server-only";
import { assertMayGrant } from "@/lib/auth/authorize-tenant";
import type { Principal } from "@/lib/auth/principal";
import { db } from "@/lib/db";
import { toApiKeyView, type ApiKeyView } from "./api-key-view";
import { getApiKeyOrThrow } from "./key-scope";

/** Revokes at once (the next request with it is a 401). An admin cannot revoke an owner's key. */
export async function revokeApiKey(principal: Principal, keyId: string): Promise<ApiKeyView> {
  const { key, access } = await getApiKeyOrThrow(principal, keyId, "write");
  if (access && key.role) assertMayGrant(access, key.role);
  if (key.revokedAt) return toApiKeyView(key);
  const revoked = await db().apiKey.update({ where: { id: key.id }, data: { revokedAt: new Date() } });
  return toApiKeyView(revoked);
}
