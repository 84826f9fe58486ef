import "server-only";
import type { z } from "zod";
import { keysetFilter, pageArgs, toPage, type Page } from "@/lib/api/paginate";
import type { Principal } from "@/lib/auth/principal";
import { db } from "@/lib/db";
import type { ZListApiKeysQuery } from "@/lib/schemas/api-keys";
import { toApiKeyView, type ApiKeyView } from "./api-key-view";
import { getApiKeyOrThrow, keyTenantAccess } from "./key-scope";

/** One tenant's keys, or (platform callers naming no tenant) every key. Revoked keys included. */
export async function listApiKeys(
  principal: Principal,
  query: z.output<typeof ZListApiKeysQuery>,
): Promise<Page<ApiKeyView>> {
  const access = await keyTenantAccess(principal, query.tenantId, "read");
  const rows = await db().apiKey.findMany({
    where: { ...(access ? { tenantId: access.tenantId } : {}), id: keysetFilter(query.cursor) },
    ...pageArgs(query),
  });
  return toPage(rows, query, (row) => row.id, toApiKeyView);
}

export async function getApiKey(principal: Principal, keyId: string): Promise<ApiKeyView> {
  return toApiKeyView((await getApiKeyOrThrow(principal, keyId, "read")).key);
}
