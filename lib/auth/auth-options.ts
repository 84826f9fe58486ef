// Dashboard sign-in (next-auth 4): email + password checked by lib/users, or a portal link's
// token (provider "portal", lib/portal); JWT sessions in an HttpOnly cookie. The token holds the
// user id and the operator flag (everything else is looked up per request), or a portal
// session's tenant, role, acting user, end and allowed parent origins (portal-claims.ts).
//
// Cookies: a portal may be embedded in the platform's page, a third-party iframe, where browsers
// send only cookies marked SameSite=None; Secure — and, with third-party cookies blocked (Chromium's
// default now), only Partitioned ones (CHIPS: kept per top-level site). So wherever a Secure
// cookie can be set — an https public URL, or loopback, which Chromium treats as a secure
// context even over http — the session cookies are `SameSite=None; Secure; Partitioned`. A
// partitioned cookie set in Hookline's own tab is not sent from another site's page (a different
// partition), so it is no weaker than Lax there; state-changing API calls are also same-origin
// only (lib/api/with-auth.ts). Elsewhere (plain http on a LAN address), or with
// HOOKLINE_SESSION_COOKIES=lax, they stay SameSite=Lax and embedding cannot work: docs/PORTAL.md
// says embedding needs HTTPS.
import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { redeemPortalToken, resolvePortalLook } from "@/lib/portal";
import { verifyCredentials } from "@/lib/users";
import type { TPortalClaims } from "./portal-claims";
import { sessionSecret } from "./session-secret";

function clientAddress(headers: Record<string, unknown> | undefined): string {
  // next-auth hands authorize() the headers as a plain object, not a Headers instance.
  const forwarded = headers?.["x-forwarded-for"];
  const first = typeof forwarded === "string" ? forwarded.split(",")[0]?.trim() : undefined;
  const real = headers?.["x-real-ip"];
  return first || (typeof real === "string" ? real : "") || "unknown";
}

const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** May the session cookies be Secure (and so SameSite=None)? See the comment at the top. */
export function embeddableCookies(publicUrl: string, mode: "auto" | "lax" = "auto"): boolean {
  if (mode === "lax") return false;
  const url = new URL(publicUrl);
  return url.protocol === "https:" || LOOPBACK_HOSTS.has(url.hostname);
}

function cookieOptions(secure: boolean, embeddable: boolean): NextAuthOptions["cookies"] {
  const prefix = secure ? "__Secure-" : "";
  const options = (httpOnly: boolean) =>
    embeddable
      ? { httpOnly, sameSite: "none", path: "/", secure: true, partitioned: true }
      : { httpOnly, sameSite: "lax", path: "/", secure };
  // Names as next-auth gives them (getToken() finds the session cookie by them).
  return {
    sessionToken: { name: `${prefix}next-auth.session-token`, options: options(true) },
    callbackUrl: { name: `${prefix}next-auth.callback-url`, options: options(false) },
    csrfToken: { name: `${secure ? "__Host-" : ""}next-auth.csrf-token`, options: options(true) },
  };
}

/** The portal provider's sign-in: spend the token, and put the session's claims in the user. */
async function authorizePortal(credentials: Record<string, string> | undefined) {
  const redeemed = await redeemPortalToken(credentials?.tenant ?? "", credentials?.token);
  if (!redeemed) return null;
  const look = await resolvePortalLook(redeemed.tenantId);
  const portal: TPortalClaims = {
    tenantId: redeemed.tenantId,
    role: redeemed.role,
    actor: redeemed.actor,
    expiresAt: Math.floor(redeemed.sessionExpiresAt.getTime() / 1_000),
    embed: credentials?.embed === "1",
    allowedOrigins: look.allowedOrigins,
  };
  return { id: `portal:${redeemed.tenantId}`, name: redeemed.actor.name, email: redeemed.actor.email, portal };
}

export function authOptions(): NextAuthOptions {
  const settings = env();
  const secure = settings.HOOKLINE_PUBLIC_URL.startsWith("https://");
  return {
    secret: sessionSecret(),
    session: { strategy: "jwt", maxAge: settings.HOOKLINE_SESSION_MAX_AGE_S },
    pages: { signIn: "/sign-in" },
    useSecureCookies: secure,
    cookies: cookieOptions(secure, embeddableCookies(settings.HOOKLINE_PUBLIC_URL, settings.HOOKLINE_SESSION_COOKIES)),
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, request) {
          try {
            const user = await verifyCredentials(
              { email: credentials?.email ?? "", password: credentials?.password ?? "" },
              clientAddress(request.headers),
            );
            return { id: user.id, email: user.email, name: user.name, isOperator: user.isOperator };
          } catch (error) {
            // next-auth turns a thrown message into ?error=<message> for the sign-in page.
            if (error instanceof AppError && error.code === "rate_limited") throw new Error("rate_limited");
            if (error instanceof AppError || (error as { name?: string }).name === "ZodError") return null;
            throw error;
          }
        },
      }),
      CredentialsProvider({
        id: "portal",
        name: "Portal link",
        credentials: { tenant: { type: "text" }, token: { type: "text" }, embed: { type: "text" } },
        authorize: (credentials) => authorizePortal(credentials),
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          const portal = (user as { portal?: TPortalClaims }).portal;
          if (portal) {
            token.portal = portal;
            delete token.uid;
            token.op = false;
          } else {
            token.uid = user.id;
            token.op = (user as { isOperator?: boolean }).isOperator === true;
            delete token.portal;
          }
        }
        return token;
      },
      session({ session, token }) {
        if (token.portal) return { ...session, user: { ...session.user, portal: token.portal } };
        return { ...session, user: { ...session.user, id: token.uid as string, isOperator: token.op === true } };
      },
    },
  };
}
