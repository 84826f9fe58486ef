// The key that signs dashboard sessions: NEXTAUTH_SECRET, or one generated once into the data
// directory (mode 0600), so a laptop needs no setting and sessions survive restarts. Every web
// process must see the same one (set NEXTAUTH_SECRET when running several).
import "server-only";
import { randomBytes } from "node:crypto";
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";
import { processState } from "@/lib/process-state";

export function sessionSecret(): string {
  return processState("auth.sessionSecret", readOrCreateSecret);
}

function readOrCreateSecret(): string {
  const settings = env();
  if (settings.NEXTAUTH_SECRET) return settings.NEXTAUTH_SECRET;
  const file = path.join(settings.HOOKLINE_DATA_DIR, "nextauth.secret");
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    mkdirSync(settings.HOOKLINE_DATA_DIR, { recursive: true });
    // Written whole to a temporary file, then linked into place: of two processes starting
    // together, exactly one link succeeds and neither can read a half-written secret.
    const temporary = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
    writeFileSync(temporary, randomBytes(32).toString("base64url"), { mode: 0o600 });
    try {
      linkSync(temporary, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    } finally {
      unlinkSync(temporary);
    }
    return readFileSync(file, "utf8").trim();
  }
}
