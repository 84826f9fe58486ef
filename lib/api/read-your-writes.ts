// Read-your-writes with a read replica (HOOKLINE_DATABASE_READ_URL): a replica lags the primary
// by a moment, so a page read right after the same caller's change could show the old state.
// After a change (any method but GET/HEAD) the caller's GETs read from the primary for
// PRIMARY_FOR_MS: a browser session by a short cookie (whichever web process answers next), an
// API key or session within this process by its last change's time.
import type { NextRequest } from "next/server";
import type { Principal } from "@/lib/auth/principal";
import { readingFromReplica } from "@/lib/db";
import { env } from "@/lib/env";
import { processState } from "@/lib/process-state";

export const PRIMARY_FOR_MS = 5_000;
export const PRIMARY_COOKIE = "hookline-read-primary";
const MAX_CALLERS = 10_000;

const lastChange = processState("readYourWrites.lastChange", () => new Map<string, number>());

function callerOf(principal: Principal | undefined): string | null {
  if (!principal) return null;
  switch (principal.kind) {
    case "user":
      return `user:${principal.userId}`;
    case "platform":
      return `key:${principal.keyId ?? "admin"}`;
    case "tenant_key":
      return `key:${principal.keyId}`;
    case "portal":
      return `portal:${principal.tenantId}`;
  }
}

/** Whether this GET may read from the replica: one is configured and the caller changed nothing just now. */
export function mayReadFromReplica(request: NextRequest, principal: Principal | undefined): boolean {
  if (!env().HOOKLINE_DATABASE_READ_URL || request.method !== "GET") return false;
  if (request.cookies.has(PRIMARY_COOKIE)) return false;
  const caller = callerOf(principal);
  const changed = caller ? lastChange.get(caller) : undefined;
  return changed === undefined || Date.now() - changed > PRIMARY_FOR_MS;
}

/** After a change: remembers it for the caller, and for a browser session sets the cookie on `response`. */
export function noteChange(request: NextRequest, principal: Principal | undefined, response: Response): void {
  if (!env().HOOKLINE_DATABASE_READ_URL || request.method === "GET" || request.method === "HEAD") return;
  const caller = callerOf(principal);
  if (!caller) return;
  if (lastChange.size >= MAX_CALLERS) lastChange.clear();
  lastChange.set(caller, Date.now());
  if (principal?.kind === "user" || principal?.kind === "portal")
    response.headers.append(
      "set-cookie",
      `${PRIMARY_COOKIE}=1; Path=/; Max-Age=${PRIMARY_FOR_MS / 1000}; HttpOnly; SameSite=Lax`,
    );
}

/** For a dashboard page's reads: from the replica, unless this browser session changed something just now. */
export async function readForPage<T>(work: () => Promise<T>): Promise<T> {
  if (!env().HOOKLINE_DATABASE_READ_URL) return work();
  const { cookies } = await import("next/headers");
  return (await cookies()).has(PRIMARY_COOKIE) ? work() : readingFromReplica(work);
}
