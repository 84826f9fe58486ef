// Portal links from issue to session: the platform asks for a link, the token is stored only as
// a hash, it opens one session (next-auth's "portal" provider, as /portal/{tenant} calls it) and
// never a second; expired, tampered and other tenants' tokens open nothing; the session it opens
// sees its tenant with its role and nothing else, ends at its expiry, and what it changes is in
// the audit trail with the platform's user.
process.env.HOOKLINE_API_RATE_LIMIT = "0";

import { encode } from "next-auth/jwt";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as listAuditEvents } from "@/app/api/v1/tenants/[tenant]/audit-events/route";
import { GET as listEndpoints, POST as createEndpoint } from "@/app/api/v1/tenants/[tenant]/endpoints/route";
import { GET as listMembers } from "@/app/api/v1/tenants/[tenant]/members/route";
import { POST as issueAccess } from "@/app/api/v1/tenants/[tenant]/portal-access/route";
import { GET as listApiKeys } from "@/app/api/v1/api-keys/route";
import { GET as systemStatus } from "@/app/api/v1/system/route";
import { GET as listTenants } from "@/app/api/v1/tenants/route";
import { authOptions } from "@/lib/auth/auth-options";
import { sessionSecret } from "@/lib/auth/session-secret";
import { db } from "@/lib/db";
import { newId } from "@/lib/ids";
import { hashPortalToken } from "@/lib/portal";
import { purgeExpiredData } from "@/lib/retention/purge-expired-data";
import { callRoute } from "../../helpers/api";
import { useTestDatabase } from "../../helpers/database";
import { snapshotDatabase } from "../../helpers/database-snapshot";
import { createApiKey, createTenant, createTestEndpoint } from "../../helpers/fixtures";

type Authorize = (
  credentials: Record<string, string>,
) => Promise<{ id: string; portal?: Record<string, unknown> } | null>;

/** The "portal" provider's authorize(), exactly what next-auth runs for /api/auth/callback/portal. */
function portalAuthorize(): Authorize {
  // CredentialsProvider() keeps the given id and authorize in `options`; next-auth merges them in.
  const providers = authOptions().providers as unknown as Array<{ options: { id?: string; authorize: Authorize } }>;
  return providers.find((candidate) => candidate.options.id === "portal")!.options.authorize;
}

/** The session cookie next-auth would set for what authorize() returned. */
async function sessionCookie(user: NonNullable<Awaited<ReturnType<Authorize>>>): Promise<string> {
  const token = await authOptions().callbacks!.jwt!({
    token: {},
    user: user as never,
    account: null,
    trigger: "signIn",
  } as never);
  return `next-auth.session-token=${await encode({ token, secret: sessionSecret() })}`;
}

describe("portal links", () => {
  useTestDatabase();
  let tenantId: string;
  let otherTenantId: string;
  let platformKey: string;

  beforeAll(async () => {
    tenantId = await createTenant("Portal Co");
    otherTenantId = await createTenant("Someone Else");
    platformKey = await createApiKey();
    await createTestEndpoint(otherTenantId, { url: "http://127.0.0.1:9/other" });
  });

  const issue = (body: unknown, key: string | null = platformKey, tenant = tenantId) =>
    callRoute(issueAccess, { params: { tenant }, body, key });

  async function issueToken(body: Record<string, unknown> = {}): Promise<string> {
    const response = await issue({ user: { id: "cust-42", email: "dana@customer.example", name: "Dana" }, ...body });
    expect(response.status).toBe(201);
    return (response.body as { token: string }).token;
  }

  const asSession = (cookie: string, headers: Record<string, string> = {}) => ({
    cookie,
    host: "hookline.test",
    origin: "http://hookline.test",
    ...headers,
  });

  it("should issue a link to the platform: a token in the URL's fragment, only its hash stored, expiring as asked", async () => {
    const before = Date.now();
    const response = await issue({ role: "viewer", expiresIn: 120, user: { id: "cust-1" } });
    expect(response.status).toBe(201);
    const body = response.body as { url: string; token: string; expiresAt: string };
    expect(body.token).toMatch(/^hlp_[A-Za-z0-9_-]{43}$/);
    const url = new URL(body.url);
    expect(url.pathname).toBe(`/portal/${tenantId}`);
    expect(url.hash).toBe(`#token=${body.token}`);
    expect(Date.parse(body.expiresAt) - before).toBeGreaterThanOrEqual(119_000);
    expect(Date.parse(body.expiresAt) - before).toBeLessThanOrEqual(122_000);
    const row = await db().portalToken.findUniqueOrThrow({ where: { tokenHash: hashPortalToken(body.token) } });
    expect(row).toMatchObject({ tenantId, role: "viewer", actorId: "cust-1", usedAt: null });
    expect(JSON.stringify(await db().portalToken.findMany())).not.toContain(body.token);
  });

  it("should default to an admin link valid for ten minutes", async () => {
    const response = await issue(undefined);
    expect(response.status).toBe(201);
    const row = await db().portalToken.findUniqueOrThrow({
      where: { tokenHash: hashPortalToken((response.body as { token: string }).token) },
    });
    expect(row.role).toBe("admin");
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBeGreaterThan(599_000);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBeLessThan(601_000);
  });

  it.each([
    { name: "a tenant owner's key", key: () => "owner", expected: 403 },
    { name: "no key", key: () => null, expected: 401 },
  ])("should refuse $name and write nothing", async ({ key, expected }) => {
    const ownerKey = await createApiKey({ tenantId, role: "owner" });
    const before = await snapshotDatabase();
    const response = await issue({}, key() === "owner" ? ownerKey : null);
    expect(response.status).toBe(expected);
    expect(await snapshotDatabase()).toBe(before);
  });

  it.each([
    { name: "role owner", body: { role: "owner" }, path: "role" },
    { name: "expiresIn 0", body: { expiresIn: 0 }, path: "expiresIn" },
    { name: "expiresIn over a day", body: { expiresIn: 86_401 }, path: "expiresIn" },
    { name: "a user without id", body: { user: { email: "x@example.test" } }, path: "user.id" },
    { name: "an unknown field", body: { tenant: "tnt_x" }, path: "" },
  ])("should answer 422 for $name and write nothing", async ({ body, path }) => {
    const before = await snapshotDatabase();
    const response = await issue(body);
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ error: { code: "validation_failed" } });
    if (path) expect(JSON.stringify((response.body as { error: { details: unknown } }).error.details)).toContain(path);
    expect(await snapshotDatabase()).toBe(before);
  });

  it("should answer 404 for a tenant that does not exist", async () => {
    const response = await issue({}, platformKey, "tnt_01J00000000000000000000000");
    expect(response.status).toBe(404);
  });

  it("should open one session with a token, and refuse the same token again", async () => {
    const token = await issueToken();
    const authorize = portalAuthorize();
    const first = await authorize({ tenant: tenantId, token, embed: "0" });
    expect(first?.portal).toMatchObject({
      tenantId,
      role: "admin",
      actor: { id: "cust-42", email: "dana@customer.example", name: "Dana" },
      embed: false,
    });
    expect(await authorize({ tenant: tenantId, token, embed: "0" })).toBeNull();
    const row = await db().portalToken.findUniqueOrThrow({ where: { tokenHash: hashPortalToken(token) } });
    expect(row.usedAt).not.toBeNull();
  });

  it("should let exactly one of two racing sign-ins with one token through", async () => {
    const token = await issueToken();
    const authorize = portalAuthorize();
    const results = await Promise.all([1, 2, 3].map(() => authorize({ tenant: tenantId, token, embed: "0" })));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it("should refuse an expired token", async () => {
    const token = await issueToken({ expiresIn: 60 });
    await db().portalToken.update({
      where: { tokenHash: hashPortalToken(token) },
      data: { expiresAt: new Date(Date.now() - 1_000) },
    });
    expect(await portalAuthorize()({ tenant: tenantId, token, embed: "0" })).toBeNull();
  });

  it.each([
    {
      name: "one character changed",
      tamper: (token: string) => `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`,
    },
    { name: "cut short", tamper: (token: string) => token.slice(0, -2) },
    { name: "empty", tamper: () => "" },
    { name: "an API key instead", tamper: () => "hl_abcdef_0123456789" },
  ])("should refuse a tampered token ($name) and leave the real one usable", async ({ tamper }) => {
    const token = await issueToken();
    const authorize = portalAuthorize();
    expect(await authorize({ tenant: tenantId, token: tamper(token), embed: "0" })).toBeNull();
    expect(await authorize({ tenant: tenantId, token, embed: "0" })).not.toBeNull();
  });

  it("should refuse a token presented for another tenant, without spending it", async () => {
    const token = await issueToken();
    const authorize = portalAuthorize();
    expect(await authorize({ tenant: otherTenantId, token, embed: "0" })).toBeNull();
    expect(await authorize({ tenant: tenantId, token, embed: "0" })).not.toBeNull();
  });

  it("should purge tokens three days after they were issued (spent or not), and keep newer ones", async () => {
    const fresh = await issueToken();
    const old = await db().portalToken.create({
      data: {
        id: newId("portalToken", Date.now() - 4 * 86_400_000),
        tenantId,
        role: "admin",
        tokenHash: hashPortalToken("hlp_old"),
        expiresAt: new Date(Date.now() - 3 * 86_400_000),
      },
    });
    const purged = await purgeExpiredData({ statsRetentionDays: 400 });
    expect(purged.portalTokens).toBe(1);
    expect(await db().portalToken.findUnique({ where: { id: old.id } })).toBeNull();
    expect(await db().portalToken.findUnique({ where: { tokenHash: hashPortalToken(fresh) } })).not.toBeNull();
  });

  describe("the session a link opens", () => {
    let adminCookie: string;
    let viewerCookie: string;

    beforeAll(async () => {
      const authorize = portalAuthorize();
      adminCookie = await sessionCookie(
        (await authorize({ tenant: tenantId, token: await issueToken(), embed: "1" }))!,
      );
      viewerCookie = await sessionCookie(
        (await authorize({ tenant: tenantId, token: await issueToken({ role: "viewer" }), embed: "0" }))!,
      );
    });

    it("should see its tenant and only that one", async () => {
      expect(
        (await callRoute(listEndpoints, { params: { tenant: tenantId }, headers: asSession(adminCookie) })).status,
      ).toBe(200);
      const other = await callRoute(listEndpoints, {
        params: { tenant: otherTenantId },
        headers: asSession(adminCookie),
      });
      expect(other.status).toBe(404);
      const tenants = await callRoute(listTenants, { params: {}, headers: asSession(adminCookie) });
      expect((tenants.body as { data: Array<{ id: string }> }).data.map((tenant) => tenant.id)).toEqual([tenantId]);
    });

    it("should let an admin link change endpoints, recorded in the audit trail with the platform's user", async () => {
      const created = await callRoute(createEndpoint, {
        params: { tenant: tenantId },
        body: { url: "http://127.0.0.1:9/portal" },
        headers: asSession(adminCookie),
      });
      expect(created.status).toBe(201);
      const endpointId = (created.body as { id: string }).id;
      const audit = await callRoute(listAuditEvents, { params: { tenant: tenantId }, key: platformKey });
      expect(audit.status).toBe(200);
      expect((audit.body as { data: unknown[] }).data[0]).toMatchObject({
        action: "endpoint.created",
        actor: { kind: "portal", id: "cust-42", email: "dana@customer.example", name: "Dana" },
        target: { type: "endpoint", id: endpointId },
      });
    });

    it("should keep a viewer link to reading", async () => {
      const before = await snapshotDatabase();
      const refused = await callRoute(createEndpoint, {
        params: { tenant: tenantId },
        body: { url: "http://127.0.0.1:9/viewer" },
        headers: asSession(viewerCookie),
      });
      expect(refused.status).toBe(403);
      expect(await snapshotDatabase()).toBe(before);
    });

    it.each([
      {
        name: "list API keys",
        call: (cookie: string) =>
          callRoute(listApiKeys, { params: {}, query: { tenantId }, headers: asSession(cookie) }),
        expected: 403,
      },
      {
        name: "list members",
        call: (cookie: string) => callRoute(listMembers, { params: { tenant: tenantId }, headers: asSession(cookie) }),
        expected: 403,
      },
      {
        name: "issue another portal link",
        call: (cookie: string) =>
          callRoute(issueAccess, { params: { tenant: tenantId }, body: {}, headers: asSession(cookie) }),
        expected: 403,
      },
      {
        name: "read the audit trail",
        call: (cookie: string) =>
          callRoute(listAuditEvents, { params: { tenant: tenantId }, headers: asSession(cookie) }),
        expected: 403,
      },
      {
        name: "read the system status",
        call: (cookie: string) => callRoute(systemStatus, { params: {}, headers: asSession(cookie) }),
        expected: 403,
      },
    ])("should not $name", async ({ call, expected }) => {
      expect((await call(adminCookie)).status).toBe(expected);
    });

    it("should end at its expiry, whatever the cookie says", async () => {
      const user = (await portalAuthorize()({ tenant: tenantId, token: await issueToken(), embed: "0" }))!;
      (user.portal as { expiresAt: number }).expiresAt = Math.floor(Date.now() / 1_000) - 1;
      const response = await callRoute(listEndpoints, {
        params: { tenant: tenantId },
        headers: asSession(await sessionCookie(user)),
      });
      expect(response.status).toBe(401);
    });

    it("should last at most HOOKLINE_PORTAL_SESSION_MAX_AGE_S (12 h by default)", async () => {
      const user = (await portalAuthorize()({ tenant: tenantId, token: await issueToken(), embed: "0" }))!;
      const seconds = (user.portal as { expiresAt: number }).expiresAt - Date.now() / 1_000;
      expect(seconds).toBeGreaterThan(12 * 3_600 - 60);
      expect(seconds).toBeLessThanOrEqual(12 * 3_600);
    });
  });
});
