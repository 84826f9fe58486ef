import { beforeAll, describe, expect, it } from "vitest";
import { DELETE as revokeRoute, GET as getRoute } from "@/app/api/v1/api-keys/[key]/route";
import { GET as listRoute, POST as createRoute } from "@/app/api/v1/api-keys/route";
import { GET as getTenantRoute } from "@/app/api/v1/tenants/[tenant]/route";
import { db } from "@/lib/db";
import { callRoute } from "../../helpers/api";
import { keyIdOf } from "../../helpers/api-world";
import { useTestDatabase } from "../../helpers/database";
import { createApiKey, createTenant } from "../../helpers/fixtures";

type Created = { id: string; key: string; prefix: string; scope: string; role: string | null; tenantId: string | null };

describe("API keys API", () => {
  useTestDatabase();
  let platformKey: string;
  let tenantId: string;
  let adminKey: string;

  beforeAll(async () => {
    platformKey = await createApiKey();
    tenantId = await createTenant();
    adminKey = await createApiKey({ tenantId, role: "admin" });
  });

  const create = (body: unknown, key = adminKey) => callRoute(createRoute, { params: {}, key, body });
  const useKey = (key: string) => callRoute(getTenantRoute, { params: { tenant: tenantId }, key });

  it("should create a working tenant key, shown once and stored as a hash", async () => {
    const response = await create({ name: "CI" });
    expect(response.status).toBe(201);
    const created = response.body as Created;
    expect(created).toMatchObject({
      scope: "tenant",
      tenantId,
      role: "viewer",
      key: expect.stringMatching(/^hl_[0-9a-f]{12}_/),
    });
    expect(created.key.startsWith(`hl_${created.prefix}_`)).toBe(true);
    expect((await useKey(created.key)).status).toBe(200);
    const row = await db().apiKey.findUniqueOrThrow({ where: { id: created.id } });
    expect(JSON.stringify(row)).not.toContain(created.key);
    expect(row.lastUsedAt).not.toBeNull();
    const listed = await callRoute(listRoute, { params: {}, key: adminKey });
    expect(JSON.stringify(listed.body)).not.toContain(created.key);
    expect((listed.body as { data: Array<{ id: string }> }).data.map((key) => key.id)).toContain(created.id);
  });

  it("should not let an admin mint or revoke an owner key", async () => {
    const before = await db().apiKey.count();
    const minted = await create({ name: "escalate", role: "owner" });
    expect(minted.status).toBe(403);
    expect(await db().apiKey.count()).toBe(before);
    const ownerKeyId = await keyIdOf(await createApiKey({ tenantId, role: "owner" }));
    expect(
      (await callRoute(revokeRoute, { params: { key: ownerKeyId }, key: adminKey, method: "DELETE" })).status,
    ).toBe(403);
    expect((await db().apiKey.findUniqueOrThrow({ where: { id: ownerKeyId } })).revokedAt).toBeNull();
  });

  it("should let only the platform create platform-wide keys, without a role", async () => {
    const platformWide = await create({ name: "ops" }, platformKey);
    expect(platformWide.body).toMatchObject({ scope: "platform", tenantId: null, role: null });
    expect((await create({ name: "ops", role: "admin" }, platformKey)).status).toBe(422);
    // A tenant key naming no tenant gets a key of its own tenant, never a platform key.
    expect((await create({ name: "mine" })).body).toMatchObject({ scope: "tenant", tenantId });
    // Tenant callers never see platform keys.
    expect(
      (await callRoute(getRoute, { params: { key: (platformWide.body as Created).id }, key: adminKey })).status,
    ).toBe(404);
    const everything = await callRoute(listRoute, { params: {}, key: platformKey, query: { limit: "250" } });
    expect((everything.body as { data: Array<{ scope: string }> }).data.map((key) => key.scope)).toEqual(
      expect.arrayContaining(["platform", "tenant"]),
    );
  });

  it("should revoke a key at once", async () => {
    const created = (await create({ name: "temp" })).body as Created;
    const revoked = await callRoute(revokeRoute, { params: { key: created.id }, key: adminKey, method: "DELETE" });
    expect(revoked.body).toMatchObject({ id: created.id, revokedAt: expect.any(String) });
    expect((await useKey(created.key)).status).toBe(401);
  });

  it("should honour an expiry and refuse one in the past", async () => {
    expect((await create({ name: "old", expiresAt: "2020-01-01T00:00:00Z" })).status).toBe(422);
    const created = (await create({ name: "soon", expiresAt: new Date(Date.now() + 60_000).toISOString() }))
      .body as Created;
    expect((await useKey(created.key)).status).toBe(200);
    await db().apiKey.update({ where: { id: created.id }, data: { expiresAt: new Date(Date.now() - 1_000) } });
    expect((await useKey(created.key)).status).toBe(401);
  });

  it.each([
    { name: "no name", body: {}, path: "name" },
    { name: "an unknown role", body: { name: "x", role: "root" }, path: "role" },
    { name: "a malformed tenant id", body: { name: "x", tenantId: "acme" }, path: "tenantId" },
    { name: "a malformed expiry", body: { name: "x", expiresAt: "tomorrow" }, path: "expiresAt" },
  ])("should refuse $name with 422", async ({ body, path }) => {
    const response = await create(body);
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ error: { details: [expect.objectContaining({ path })] } });
  });
});
