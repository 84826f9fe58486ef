// API keys: scope (platform-wide or one tenant with a role), shown once on creation.
import { z } from "zod";
import { zId, zPageQuery, zRole, zTime, zTimeInput } from "./common";

export const ZCreateApiKey = z.strictObject({
  name: z.string().trim().min(1).max(200),
  /** The tenant the key acts in; omitted by platform callers for a platform-wide key. */
  tenantId: zId("tenant").optional(),
  /** The key's role in its tenant (not for platform-wide keys); at most the creator's own. */
  role: zRole.optional(),
  expiresAt: zTimeInput.optional(),
});
export type TCreateApiKey = z.input<typeof ZCreateApiKey>;

export const ZListApiKeysQuery = zPageQuery("apiKey").extend({
  tenantId: zId("tenant").optional(),
});

export const ZApiKeyView = z.object({
  id: zId("apiKey"),
  name: z.string(),
  /** Public part of the key (`hl_<prefix>_…`), to recognise it. */
  prefix: z.string(),
  scope: z.enum(["platform", "tenant"]),
  tenantId: zId("tenant").nullable(),
  role: zRole.nullable(),
  lastUsedAt: zTime.nullable(),
  expiresAt: zTime.nullable(),
  revokedAt: zTime.nullable(),
  createdAt: zTime,
});

/** Answer of creating a key: the only time the key itself is shown. */
export const ZCreatedApiKey = ZApiKeyView.extend({ key: z.string() });
