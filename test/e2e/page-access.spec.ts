// Every dashboard page × every kind of visitor, from one table: anonymous, an expired session,
// viewer / admin / owner of tenant A, the owner of tenant B, the operator, a portal session of A. Pages are enumerated
// from app/ (a new page without a row fails this spec), requested over HTTP with each visitor's
// session cookie, and each answer is compared with the table: any unexpected 200 fails.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { encode } from "next-auth/jwt";
import { authCallback } from "../helpers/auth-callback";
import {
  api,
  baseUrl,
  createCatalogEventType,
  createEndpointViaApi,
  e2eDataDir,
  E2E_OPERATOR,
  publishViaApi,
  unique,
} from "./helpers";

const VISITORS = [
  "anonymous",
  "expired session",
  "viewer",
  "admin",
  "owner",
  "other tenant's owner",
  "operator",
  "portal session",
] as const;
type Visitor = (typeof VISITORS)[number];
/** 200, 404, or where a redirect leads: "sign-in", "dashboard" (/t), or "tenant" (the visitor's own). */
type Outcome = 200 | 404 | "sign-in" | "dashboard" | "tenant";

const row = (outcomes: Partial<Record<Visitor, Outcome>>, otherwise: Outcome): Record<Visitor, Outcome> =>
  Object.fromEntries(VISITORS.map((visitor) => [visitor, outcomes[visitor] ?? otherwise])) as Record<Visitor, Outcome>;

const PUBLIC = row({}, 200);
const SIGNED_OUT = { anonymous: "sign-in", "expired session": "sign-in" } as const;
/** Signing in or up again makes no sense with an account's session: on to the dashboard (a portal session may still sign in to an account). */
const SIGNED_OUT_ONLY = row({ anonymous: 200, "expired session": 200, "portal session": 200 }, "dashboard");
/** Tenant A's pages: its members and the operator; tenant B's owner gets "not found", never "forbidden". */
const TENANT_READ = row({ ...SIGNED_OUT, "other tenant's owner": 404 }, 200);
const TENANT_WRITE = row({ ...SIGNED_OUT, "other tenant's owner": 404, viewer: 404 }, 200);
/** Members and API keys stay with the tenant's accounts: a portal session (an admin link of tenant A) is refused. */
const TENANT_ACCOUNTS = row({ ...SIGNED_OUT, "other tenant's owner": 404, "portal session": 404 }, 200);
const OPERATOR_ONLY = row({ ...SIGNED_OUT, operator: 200 }, 404);

const PAGES: Record<string, Record<Visitor, Outcome>> = {
  "/": PUBLIC,
  "/sign-in": SIGNED_OUT_ONLY,
  "/register": SIGNED_OUT_ONLY,
  "/invite/[token]": PUBLIC,
  "/t": row(SIGNED_OUT, "tenant"), // a portal session: back to its one tenant
  "/t/[tenant]": TENANT_READ,
  "/t/[tenant]/endpoints": TENANT_READ,
  "/t/[tenant]/endpoints/new": TENANT_WRITE,
  "/t/[tenant]/endpoints/[endpoint]": TENANT_READ,
  "/t/[tenant]/endpoints/[endpoint]/edit": TENANT_WRITE,
  "/t/[tenant]/incidents": TENANT_READ,
  "/t/[tenant]/messages": TENANT_READ,
  "/t/[tenant]/messages/[message]": TENANT_READ,
  "/t/[tenant]/event-types": TENANT_READ,
  "/t/[tenant]/settings": TENANT_ACCOUNTS,
  "/operator/tenants": OPERATOR_ONLY,
  "/operator/catalog": OPERATOR_ONLY,
  "/operator/system": OPERATOR_ONLY,
};

/** Every page.tsx under app/, as its URL pattern (route groups dropped). */
function appPages(): string[] {
  const appDir = path.resolve(import.meta.dirname, "../../app");
  return (readdirSync(appDir, { recursive: true }) as string[])
    .filter((file) => path.basename(file) === "page.tsx")
    .map(
      (file) =>
        `/${path
          .dirname(file)
          .split(path.sep)
          .filter((segment) => segment !== "." && !/^\(.*\)$/.test(segment))
          .join("/")}`,
    )
    .sort();
}

/** A session cookie ("name=value"), signed in through the credentials callback like the sign-in page. */
async function sessionCookie(email: string, password: string): Promise<string> {
  const { response, session } = await authCallback(
    baseUrl(),
    "credentials",
    { email, password },
    { "x-forwarded-for": `198.51.100.${Math.floor(Math.random() * 250) + 1}` },
  );
  if (!session) throw new Error(`could not sign in ${email}: ${response.status}`);
  return session;
}

/** A portal session of `tenantId`, opened the way the portal landing page does with a link's token. */
async function portalCookie(tenantId: string, role: "admin" | "viewer"): Promise<string> {
  const { token } = await api<{ token: string }>("POST", `/api/v1/tenants/${tenantId}/portal-access`, {
    role,
    user: { id: "usr_platform_1", email: "customer@example.test" },
  });
  const { response, session } = await authCallback(baseUrl(), "portal", { tenant: tenantId, token, embed: "0" });
  if (!session) throw new Error(`could not open a portal session: ${response.status}`);
  return session;
}

/** A new account in `tenantId` with `role`, through an invite (as a person would join). */
async function member(tenantId: string, role: "owner" | "admin" | "viewer") {
  const email = `${unique(role)}@example.test`;
  const password = "a-good-password";
  const invite = await api<{ token: string }>("POST", `/api/v1/tenants/${tenantId}/invites`, { email, role });
  const response = await fetch(`${baseUrl()}/api/account/register`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-forwarded-for": `192.0.2.${Math.floor(Math.random() * 250) + 1}`,
    },
    body: JSON.stringify({ email, password, inviteToken: invite.token }),
  });
  expect(response.status, await response.clone().text()).toBe(201);
  return { email, password, cookie: await sessionCookie(email, password) };
}

test.describe("page access", { tag: "@desktop-only" }, () => {
  test.setTimeout(180_000);

  test("should answer every page to every visitor as the table says", async () => {
    expect(appPages(), "a page without a row in PAGES").toEqual(Object.keys(PAGES).sort());

    const tenantA = (await api<{ id: string }>("POST", "/api/v1/tenants", { name: unique("Access A") })).id;
    const tenantB = (await api<{ id: string }>("POST", "/api/v1/tenants", { name: unique("Access B") })).id;
    const eventType = await createCatalogEventType("access");
    const endpoint = await createEndpointViaApi(tenantA, { url: "http://127.0.0.1:9/access" });
    const message = await publishViaApi(tenantA, eventType);
    const invite = await api<{ token: string }>("POST", `/api/v1/tenants/${tenantA}/invites`, {
      email: `${unique("invited")}@example.test`,
      role: "viewer",
    });

    const owner = await member(tenantA, "owner");
    const cookies: Record<Visitor, string | null> = {
      anonymous: null,
      "expired session": null,
      viewer: (await member(tenantA, "viewer")).cookie,
      admin: (await member(tenantA, "admin")).cookie,
      owner: owner.cookie,
      "other tenant's owner": (await member(tenantB, "owner")).cookie,
      operator: await sessionCookie(E2E_OPERATOR.email, E2E_OPERATOR.password),
      "portal session": await portalCookie(tenantA, "admin"),
    };
    // The owner's own session, signed by the instance's key, but expired a minute ago.
    const [cookieName] = owner.cookie.split("=");
    const secret = readFileSync(path.join(await e2eDataDir(), "nextauth.secret"), "utf8").trim();
    const uid = (
      await api<{ data: Array<{ userId: string; email: string }> }>("GET", `/api/v1/tenants/${tenantA}/members`)
    ).data.find((entry) => entry.email === owner.email)!.userId;
    cookies["expired session"] =
      `${cookieName}=${await encode({ token: { uid, op: false, email: owner.email }, secret, maxAge: -60 })}`;

    const urlOf = (pattern: string) =>
      pattern
        .replace("[tenant]", tenantA)
        .replace("[endpoint]", endpoint)
        .replace("[message]", message)
        .replace("[token]", invite.token);
    const mismatches: string[] = [];
    for (const [pattern, expected] of Object.entries(PAGES)) {
      for (const visitor of VISITORS) {
        const cookie = cookies[visitor];
        const response = await fetch(`${baseUrl()}${urlOf(pattern)}`, {
          headers: cookie ? { cookie } : {},
          redirect: "manual",
        });
        await response.arrayBuffer();
        const location = response.headers.get("location") ?? "";
        const outcome: string | number =
          response.status >= 300 && response.status < 400
            ? location.includes("/sign-in")
              ? "sign-in"
              : new URL(location, baseUrl()).pathname === "/t"
                ? "dashboard"
                : /\/t\/tnt_[0-9A-Z]{26}$/.test(new URL(location, baseUrl()).pathname)
                  ? "tenant"
                  : `redirect to ${location}`
            : response.status;
        if (outcome !== expected[visitor])
          mismatches.push(`${pattern} as ${visitor}: expected ${expected[visitor]}, got ${outcome}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});
