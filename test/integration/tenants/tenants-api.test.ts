import { beforeAll, describe, expect, it } from "vitest";
import { GET as getTenantRoute, PATCH as updateTenantRoute } from "@/app/api/v1/tenants/[tenant]/route";
import { GET as listTenantsRoute, POST as createTenantRoute } from "@/app/api/v1/tenants/route";
import { db } from "@/lib/db";
import { reloadEnv } from "@/lib/env";
import { callRoute } from "../../helpers/api";
import { useTestDatabase } from "../../helpers/database";
import { createApiKey, createTenant } from "../../helpers/fixtures";

describe("tenants API", () => {
  useTestDatabase();
  let platformKey: string;
  let tenantId: string;
  let ownerKey: string;

  beforeAll(async () => {
    platformKey = await createApiKey();
    tenantId = await createTenant("Acme");
    ownerKey = await createApiKey({ tenantId, role: "owner" });
  });

  it("should serve a route without path parameters when Next passes none (its production server does)", async () => {
    const none = undefined as unknown as Record<string, never>;
    const created = await callRoute(createTenantRoute, { params: none, key: platformKey, body: { name: "Initech" } });
    expect(created.status).toBe(201);
    expect((await callRoute(listTenantsRoute, { params: none, key: platformKey })).status).toBe(200);
  });

  it("should create a tenant with defaults, then get and list it", async () => {
    const created = await callRoute(createTenantRoute, { params: {}, key: platformKey, body: { name: "  Globex  " } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      id: expect.stringMatching(/^tnt_/),
      name: "Globex",
      retentionDays: 30,
      apiRateLimit: null,
    });
    const id = (created.body as { id: string }).id;
    expect((await callRoute(getTenantRoute, { params: { tenant: id }, key: platformKey })).body).toEqual(created.body);
    const listed = await callRoute(listTenantsRoute, { params: {}, key: platformKey });
    expect((listed.body as { data: Array<{ id: string }> }).data[0]!.id).toBe(id);
  });

  it("should show a tenant key only its own tenant", async () => {
    const listed = await callRoute(listTenantsRoute, { params: {}, key: ownerKey });
    expect((listed.body as { data: Array<{ id: string }> }).data.map((tenant) => tenant.id)).toEqual([tenantId]);
  });

  it.each([
    { name: "a missing name", body: {}, path: "name" },
    { name: "a blank name", body: { name: "   " }, path: "name" },
    { name: "retention of 0 days", body: { name: "X", retentionDays: 0 }, path: "retentionDays" },
    { name: "a fractional rate limit", body: { name: "X", apiRateLimit: 1.5 }, path: "apiRateLimit" },
  ])("should refuse $name with 422 naming the field, creating nothing", async ({ body, path }) => {
    const before = await db().tenant.count();
    const response = await callRoute(createTenantRoute, { params: {}, key: platformKey, body });
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({
      error: { code: "validation_failed", details: [expect.objectContaining({ path })] },
    });
    expect(await db().tenant.count()).toBe(before);
  });

  it("should let an owner rename the tenant but not change its limits", async () => {
    const renamed = await callRoute(updateTenantRoute, {
      params: { tenant: tenantId },
      key: ownerKey,
      body: { name: "Acme Corp" },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: "Acme Corp" });
    for (const body of [{ retentionDays: 365 }, { apiRateLimit: 100_000 }, { name: "Sneaky", retentionDays: 1 }]) {
      const refused = await callRoute(updateTenantRoute, { params: { tenant: tenantId }, key: ownerKey, body });
      expect(refused.status).toBe(403);
    }
    expect(await db().tenant.findUniqueOrThrow({ where: { id: tenantId } })).toMatchObject({
      name: "Acme Corp",
      retentionDays: 30,
      apiRateLimit: null,
    });
  });

  it("should let the operator set retention and the API rate limit, and clear the limit with null", async () => {
    const set = await callRoute(updateTenantRoute, {
      params: { tenant: tenantId },
      key: platformKey,
      body: { retentionDays: 90, apiRateLimit: 50 },
    });
    expect(set.body).toMatchObject({ retentionDays: 90, apiRateLimit: 50 });
    const cleared = await callRoute(updateTenantRoute, {
      params: { tenant: tenantId },
      key: platformKey,
      body: { apiRateLimit: null },
    });
    expect(cleared.body).toMatchObject({ retentionDays: 90, apiRateLimit: null });
  });

  it("should refuse an empty update", async () => {
    const response = await callRoute(updateTenantRoute, { params: { tenant: tenantId }, key: platformKey, body: {} });
    expect(response.status).toBe(422);
  });

  it("should rate limit a tenant's keys at the tenant's own limit, with Retry-After, and no other key", async () => {
    const limited = await createTenant("Chatty");
    const chattyKey = await createApiKey({ tenantId: limited, role: "viewer" });
    await callRoute(updateTenantRoute, { params: { tenant: limited }, key: platformKey, body: { apiRateLimit: 1 } });
    // A limit of 1/s allows a burst of 2; the rest of 10 quick calls are refused.
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let index = 0; index < 10; index++) {
      const response = await callRoute(getTenantRoute, { params: { tenant: limited }, key: chattyKey });
      statuses.push(response.status);
      if (response.status === 429) {
        retryAfter = response.headers.get("retry-after");
        expect(response.body).toMatchObject({ error: { code: "rate_limited" } });
      }
    }
    expect(statuses.slice(0, 2)).toEqual([200, 200]);
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(7);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    // Another tenant's key has its own bucket.
    expect((await callRoute(getTenantRoute, { params: { tenant: tenantId }, key: ownerKey })).status).toBe(200);
  });

  it("should leave platform-wide keys unlimited by default, and limit them only at HOOKLINE_PLATFORM_API_RATE_LIMIT", async () => {
    const statusesOf = async (key: string, count: number) => {
      const statuses: number[] = [];
      for (let index = 0; index < count; index++)
        statuses.push((await callRoute(getTenantRoute, { params: { tenant: tenantId }, key })).status);
      return statuses;
    };
    process.env.HOOKLINE_API_RATE_LIMIT = "1";
    reloadEnv();
    try {
      // The default limit (1/s here, burst 2) throttles a tenant key…
      const tenantKey = await createApiKey({ tenantId, role: "viewer" });
      expect((await statusesOf(tenantKey, 10)).filter((status) => status === 429).length).toBeGreaterThanOrEqual(7);
      // …but neither a platform key nor the admin key.
      const unlimitedKey = await createApiKey();
      expect(new Set(await statusesOf(unlimitedKey, 20))).toEqual(new Set([200]));
      process.env.HOOKLINE_ADMIN_API_KEY = "admin-key-for-rate-limit-test";
      reloadEnv();
      expect(new Set(await statusesOf("admin-key-for-rate-limit-test", 20))).toEqual(new Set([200]));

      // With a platform limit set, platform keys have one (and tenant keys keep theirs).
      process.env.HOOKLINE_PLATFORM_API_RATE_LIMIT = "1";
      reloadEnv();
      const limitedKey = await createApiKey();
      const statuses = await statusesOf(limitedKey, 10);
      expect(statuses.slice(0, 2)).toEqual([200, 200]);
      expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(7);
    } finally {
      delete process.env.HOOKLINE_API_RATE_LIMIT;
      delete process.env.HOOKLINE_PLATFORM_API_RATE_LIMIT;
      delete process.env.HOOKLINE_ADMIN_API_KEY;
      reloadEnv();
    }
  });
});
