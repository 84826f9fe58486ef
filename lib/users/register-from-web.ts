// Registration through the dashboard: rate limited per client address (10 a minute), so the
// public form cannot be used to mass-create accounts or probe which emails exist.
import "server-only";
import { AppError } from "@/lib/errors";
import { retryAfterSeconds, takePostgresToken } from "@/lib/rate-limit";
import type { TRegisterUser } from "@/lib/schemas/users";
import { registerUser, type Registration } from "./register-user";

export async function registerFromWeb(input: TRegisterUser, clientAddress: string): Promise<Registration> {
  const taken = await takePostgresToken(`register:${clientAddress}`, { perSecond: 10 / 60, burst: 10 });
  if (!taken.allowed) {
    const seconds = retryAfterSeconds(taken.retryAfterMs);
    throw new AppError(
      "rate_limited",
      `Too many registrations from your address; try again in ${seconds} s.`,
      undefined,
      { "retry-after": String(seconds) },
    );
  }
  return registerUser(input);
}
