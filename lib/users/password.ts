// Passwords are stored as argon2id hashes (@node-rs/argon2's default algorithm, its default
// OWASP-level costs: 19 MiB, 2 passes); the PHC string carries its own salt and parameters.
import "server-only";
import { hash, verify } from "@node-rs/argon2";
import { processState } from "@/lib/process-state";

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false; // a malformed stored hash is a failed sign-in, not a crash
  }
}

/**
 * Spends the time of one verification against a throwaway hash, so that "no such account"
 * answers as slowly as "wrong password" and response times do not reveal which emails exist.
 */
export async function burnVerification(password: string): Promise<void> {
  const dummyHash = processState("password.dummyHash", () => hash("not a real password, only a timing equaliser"));
  await verifyPassword(await dummyHash, password);
}
