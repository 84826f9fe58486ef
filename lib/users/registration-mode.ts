// Who may create an account (HOOKLINE_REGISTRATION). The first account of an instance is its
// operator and may always register; after that, by default only someone holding an invite link
// may, so that an instance reachable from the internet does not hand a tenant to anyone who finds
// it. `open` lets anyone register (with a tenant of their own); `closed` lets nobody.
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

export type RegistrationMode = "open" | "invite" | "closed";

export function registrationMode(): RegistrationMode {
  return env().HOOKLINE_REGISTRATION;
}

/** Whether someone may register now: the first account always; later ones as the mode says. */
export function mayRegister(options: { firstAccount: boolean; withInvite: boolean }): boolean {
  if (options.firstAccount) return true;
  const mode = registrationMode();
  return mode === "open" || (mode === "invite" && options.withInvite);
}

export function assertMayRegister(options: { firstAccount: boolean; withInvite: boolean }): void {
  if (mayRegister(options)) return;
  throw new AppError(
    "registration_closed",
    registrationMode() === "closed"
      ? "Registration on this instance is closed."
      : "Registration on this instance is by invitation: open the invite link you were sent.",
  );
}

/** What the sign-in and register pages say about registration. */
export function registrationNotice(mode: RegistrationMode = registrationMode()): string {
  if (mode === "open") return "Anyone can register on this instance and get a tenant of their own.";
  if (mode === "invite") return "Accounts on this instance are by invitation: open the invite link you were sent.";
  return "Registration on this instance is closed: ask its operator for an account.";
}
