// POST /tenants/{t}/portal-access: the platform's backend asks for a short-lived link that opens
// the tenant's dashboard for one of its own users. The token travels in the URL's fragment, so it
// never reaches a server log, a proxy or a Referer header; /portal/{tenant} reads it in the browser.
import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { newId } from "@/lib/ids";
import { ZCreatePortalAccess, type TCreatePortalAccess } from "@/lib/schemas/portal";
import { generatePortalToken } from "./portal-token";

export interface PortalAccess {
  url: string;
  token: string;
  expiresAt: string;
}

/** The tenant must exist (the caller authorised it); `createdBy` is the issuing key, if any. */
export async function issuePortalAccess(
  tenantId: string,
  input: TCreatePortalAccess,
  createdBy: string | null,
): Promise<PortalAccess> {
  const { role, expiresIn, user } = ZCreatePortalAccess.parse(input);
  const { token, hash } = generatePortalToken();
  const expiresAt = new Date(Date.now() + expiresIn * 1_000);
  await db().portalToken.create({
    data: {
      id: newId("portalToken"),
      tenantId,
      role,
      tokenHash: hash,
      actorId: user?.id ?? null,
      actorEmail: user?.email || null,
      actorName: user?.name || null,
      createdBy,
      expiresAt,
    },
  });
  return { url: portalUrl(tenantId, token), token, expiresAt: expiresAt.toISOString() };
}

export function portalUrl(tenantId: string, token: string): string {
  const url = new URL(`/portal/${tenantId}`, env().HOOKLINE_PUBLIC_URL);
  url.hash = `token=${token}`;
  return url.toString();
}
