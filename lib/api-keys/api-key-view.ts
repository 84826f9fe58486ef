import type { z } from "zod";
import type { ApiKey } from "@/lib/generated/prisma/client";
import type { ZApiKeyView } from "@/lib/schemas/api-keys";

export type ApiKeyView = z.infer<typeof ZApiKeyView>;

export function toApiKeyView(key: ApiKey): ApiKeyView {
  return {
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    scope: key.tenantId ? "tenant" : "platform",
    tenantId: key.tenantId,
    role: key.role,
    lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
    expiresAt: key.expiresAt?.toISOString() ?? null,
    revokedAt: key.revokedAt?.toISOString() ?? null,
    createdAt: key.createdAt.toISOString(),
  };
}
