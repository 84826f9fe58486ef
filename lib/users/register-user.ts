// Registration. The first account of a fresh instance becomes the platform operator; every
// later one either joins a tenant through an invite or (when HOOKLINE_REGISTRATION=open)
// creates a tenant of its own as owner.
// Registrations take a transaction-scoped advisory lock, so two people registering at the same
// moment on a fresh instance cannot both become operator (and duplicate emails are a clean 409).
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { acceptInviteWith } from "@/lib/invites/accept-invite";
import { ZRegisterUser, type TRegisterUser } from "@/lib/schemas/users";
import { createTenant } from "@/lib/tenants/create-tenant";
import { hashPassword } from "./password";
import { assertMayRegister } from "./registration-mode";
import { toUserView, type UserView } from "./user-view";

export interface Registration {
  user: UserView;
  /** The tenant the user created or joined (null for an operator who created none). */
  tenantId: string | null;
}

export async function registerUser(input: TRegisterUser): Promise<Registration> {
  const data = ZRegisterUser.parse(input);
  // Hash outside the transaction: argon2 takes tens of milliseconds and needs no lock.
  const passwordHash = await hashPassword(data.password);
  return db().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM pg_advisory_xact_lock(hashtext('hookline.register-user'))`;
    if (await tx.user.findUnique({ where: { email: data.email }, select: { id: true } })) {
      throw new AppError("email_taken", "An account with this email already exists; sign in instead.", [
        { path: "email", message: "is already registered" },
      ]);
    }
    const isOperator = (await tx.user.count()) === 0;
    assertMayRegister({ firstAccount: isOperator, withInvite: Boolean(data.inviteToken) });
    const user = await tx.user.create({
      data: { id: newId("user"), email: data.email, name: data.name ?? null, passwordHash, isOperator },
    });
    let tenantId: string | null = null;
    if (data.inviteToken) {
      tenantId = (await acceptInviteWith(tx, data.inviteToken, user)).tenantId;
    } else if (data.tenantName || !isOperator) {
      const name = data.tenantName ?? `${data.email.split("@")[0]}'s tenant`;
      tenantId = (await createTenant({ name }, { ownerUserId: user.id, tx })).id;
    }
    return { user: toUserView(user), tenantId };
  });
}
