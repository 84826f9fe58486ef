// Accounts: registration and sign-in input (the dashboard's forms and lib/users share these).
import { z } from "zod";
import { zEmail } from "./tenants";

export const zPassword = z.string().min(8, "must be at least 8 characters").max(256);

export const ZRegisterUser = z.strictObject({
  email: zEmail,
  password: zPassword,
  name: z.string().trim().min(1).max(200).optional(),
  /** A tenant to create and own. Without it (and without an invite), one is named after the email. */
  tenantName: z.string().trim().min(1).max(200).optional(),
  /** Join a tenant through an invite instead of creating one. */
  inviteToken: z.string().min(1).max(200).optional(),
});
export type TRegisterUser = z.input<typeof ZRegisterUser>;

export const ZSignIn = z.object({
  email: zEmail,
  password: z.string().min(1).max(256),
});
export type TSignIn = z.input<typeof ZSignIn>;

/** POST /api/account/invites/accept: the invite link's token. */
export const ZAcceptInvite = z.strictObject({ token: z.string().min(1).max(200) });
