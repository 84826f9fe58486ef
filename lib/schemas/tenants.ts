// Tenants, their members and invites: what the API accepts and what it answers.
import { z } from "zod";
import { zId, zPageQuery, zRole, zTime } from "./common";
import { ZPortalSettings } from "./portal";

const zTenantName = z.string().trim().min(1).max(200);
const zRetentionDays = z.number().int().min(1).max(3_650);
/** Requests per second per API key of the tenant; null means the server's setting. */
const zApiRateLimit = z.number().int().min(1).max(100_000).nullable();

export const ZCreateTenant = z.strictObject({
  name: zTenantName,
  retentionDays: zRetentionDays.default(30),
  apiRateLimit: zApiRateLimit.default(null),
});
export type TCreateTenant = z.input<typeof ZCreateTenant>;

/** Owners may rename; the limits (retention, API rate) are the operator's to set. */
export const ZUpdateTenant = z
  .strictObject({
    name: zTenantName,
    retentionDays: zRetentionDays,
    apiRateLimit: zApiRateLimit,
    portal: ZPortalSettings.nullable(),
  })
  .partial()
  .refine((value) => Object.keys(value).length > 0, "send at least one of name, retentionDays, apiRateLimit, portal");
export type TUpdateTenant = z.input<typeof ZUpdateTenant>;

export const ZTenantView = z.object({
  id: zId("tenant"),
  name: z.string(),
  retentionDays: z.number().int(),
  apiRateLimit: z.number().int().nullable(),
  /** The tenant's own portal settings (theme, allowed embedding origins); null: the global ones. */
  portal: ZPortalSettings.nullable(),
  createdAt: zTime,
  updatedAt: zTime,
});

export const ZListTenantsQuery = zPageQuery("tenant");

export const ZMemberView = z.object({
  userId: zId("user"),
  email: z.string(),
  name: z.string().nullable(),
  role: zRole,
  joinedAt: zTime,
});

export const ZListMembersQuery = zPageQuery("user");

export const ZUpdateMember = z.strictObject({ role: zRole });
export type TUpdateMember = z.input<typeof ZUpdateMember>;

export const zEmail = z
  .email()
  .max(320)
  .transform((value) => value.toLowerCase());

export const ZCreateInvite = z.strictObject({
  email: zEmail,
  role: zRole.default("viewer"),
});
export type TCreateInvite = z.input<typeof ZCreateInvite>;

export const ZInviteView = z.object({
  id: zId("invite"),
  tenantId: zId("tenant"),
  email: z.string(),
  role: zRole,
  status: z.enum(["pending", "accepted", "expired", "revoked"]),
  expiresAt: zTime,
  acceptedAt: zTime.nullable(),
  createdAt: zTime,
});

/** Answer of creating an invite: the only time the token is shown. */
export const ZCreatedInvite = ZInviteView.extend({
  token: z.string(),
  /** The link to send to the invitee. */
  url: z.string(),
});

export const ZListInvitesQuery = zPageQuery("invite");
