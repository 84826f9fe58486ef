// Sign-in: email + password → the user, or 401. Attempts are rate limited per account and
// client address (HOOKLINE_LOGIN_RATE_LIMIT a minute), and per account from any address (five
// times that), in PostgreSQL, so the limit holds however
// many web processes a guesser spreads requests over. The limit is taken before the password is
// checked: a limited guess costs no argon2 time and reveals nothing.
import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { retryAfterSeconds, takePostgresToken } from "@/lib/rate-limit";
import { ZSignIn, type TSignIn } from "@/lib/schemas/users";
import { burnVerification, verifyPassword } from "./password";
import { toUserView, type UserView } from "./user-view";

export async function verifyCredentials(input: TSignIn, clientAddress: string): Promise<UserView> {
  const { email, password } = ZSignIn.parse(input);
  const perMinute = env().HOOKLINE_LOGIN_RATE_LIMIT;
  // Per account and address; and per account alone at five times that, because the address comes
  // from X-Forwarded-For, which a client talking to Hookline without a proxy in between can forge.
  let taken = await takePostgresToken(`login:${email}:${clientAddress}`, {
    perSecond: perMinute / 60,
    burst: perMinute,
  });
  if (taken.allowed)
    taken = await takePostgresToken(`login:${email}`, { perSecond: (perMinute * 5) / 60, burst: perMinute * 5 });
  if (!taken.allowed) {
    const seconds = retryAfterSeconds(taken.retryAfterMs);
    throw new AppError("rate_limited", `Too many sign-in attempts; try again in ${seconds} s.`, undefined, {
      "retry-after": String(seconds),
    });
  }
  const user = await db().user.findUnique({ where: { email } });
  if (!user) {
    await burnVerification(password);
  } else if (await verifyPassword(user.passwordHash, password)) {
    return toUserView(user);
  }
  throw new AppError("invalid_credentials", "The email or password is wrong.");
}
