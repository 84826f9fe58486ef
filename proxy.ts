// Every page passes here. Two jobs:
// 1. Security headers: a Content-Security-Policy with a fresh nonce (handed to Next on the request,
//    which puts it on its own scripts), frame-ancestors 'none' unless a portal session allows its
//    platform's origins (lib/security/content-security-policy.ts).
// 2. The door: pages behind sign-in (/t/…, /operator/…) redirect to /sign-in without a session,
//    remembering where the user was going; a portal session that has run out goes back to its
//    portal page, which says the link expired. The API authenticates itself
//    (lib/api/with-auth.ts) and pages check tenant access themselves (lib/auth/page-access.ts).
// It also tells the root layout whether the request is a portal session's (PORTAL_SESSION_HEADER):
// a portal wears its operator's theme, not the user's dark-mode choice.
import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { PORTAL_SESSION_HEADER, portalClaimsOf } from "@/lib/auth/portal-claims";
import { sessionSecret } from "@/lib/auth/session-secret";
import { contentSecurityPolicy, createNonce } from "@/lib/security/content-security-policy";

const PROTECTED = /^\/(t|operator)(\/|$)/;

export async function proxy(request: NextRequest) {
  const token = await getToken({ req: request, secret: sessionSecret() });
  const portal = portalClaimsOf(token);
  const { pathname, search } = request.nextUrl;

  if (PROTECTED.test(pathname) && !(token && (portal || !token.portal))) {
    const expiredTenant = (token?.portal as { tenantId?: unknown } | undefined)?.tenantId;
    if (typeof expiredTenant === "string" && /^tnt_[0-9A-Z]{26}$/.test(expiredTenant)) {
      return NextResponse.redirect(new URL(`/portal/${expiredTenant}`, request.url));
    }
    const signIn = new URL("/sign-in", request.url);
    signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(signIn);
  }

  const nonce = createNonce();
  const csp = contentSecurityPolicy({
    nonce,
    frameAncestors: portal?.allowedOrigins,
    development: process.env.NODE_ENV === "development",
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  requestHeaders.set(PORTAL_SESSION_HEADER, portal ? "1" : "0");
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", csp);
  return response;
}

// Pages only: not the API (it answers JSON and authenticates itself; the publish path stays
// lean), not Next's static files, not /portal/{tenant} (it sets its own, per tenant), not the
// public JWKS.
export const config = {
  matcher: ["/((?!api/|_next/static|_next/image|favicon\\.ico|portal/|docs/assets/|metrics|\\.well-known/).*)"],
};
