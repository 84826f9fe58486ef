// The audit trail names an API key by its name (as the API keys list does), not by its id; the
// admin key from the settings, which has no row, by what it is.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listAuditEvents } from "@/app/api/v1/tenants/[tenant]/audit-events/route";
import { POST as createKey } from "@/app/api/v1/api-keys/route";
import { POST as createEndpoint } from "@/app/api/v1/tenants/[tenant]/endpoints/route";
import { ADMIN_KEY_NAME } from "@/lib/audit/list-audit-events";
import { reloadEnv } from "@/lib/env";
import { callRoute } from "../../helpers/api";
import { useTestDatabase } from "../../helpers/database";
import { createApiKey, createTenant } from "../../helpers/fixtures";

describe("GET /api/v1/tenants/:tenant/audit-events", () => {
  useTestDatabase();
  const adminKey = "audit-admin-key-0123456789abcdef";
  let tenantId: string;
  let platformKey: string;

  beforeAll(async () => {
    process.env.HOOKLINE_ADMIN_API_KEY = adminKey;
    reloadEnv();
    tenantId = await createTenant("Audited");
    platformKey = await createApiKey();
  });
  afterAll(() => {
    delete process.env.HOOKLINE_ADMIN_API_KEY;
    reloadEnv();
  });

  it("should name the API key that made a change by its name, and the admin key as such", async () => {
    const created = await callRoute(createKey, {
      params: {},
      key: platformKey,
      body: { name: "Billing backend", tenantId, role: "admin" },
    });
    expect(created.status).toBe(201);
    const { key, id: keyId } = created.body as { key: string; id: string };
    for (const [caller, path] of [
      [key, "/by-key"],
      [adminKey, "/by-admin"],
    ] as const) {
      const response = await callRoute(createEndpoint, {
        params: { tenant: tenantId },
        key: caller,
        body: { url: `http://127.0.0.1:9${path}` },
      });
      expect(response.status).toBe(201);
    }
    const trail = await callRoute(listAuditEvents, { params: { tenant: tenantId }, key: platformKey });
    expect(trail.status).toBe(200);
    const actors = (trail.body as { data: Array<{ actor: unknown; details: { url: string } }> }).data.map((event) => [
      event.details.url,
      event.actor,
    ]);
    expect(actors).toEqual([
      ["http://127.0.0.1:9/by-admin", { kind: "api_key", id: null, email: null, name: ADMIN_KEY_NAME }],
      ["http://127.0.0.1:9/by-key", { kind: "api_key", id: keyId, email: null, name: "Billing backend" }],
    ]);
  });
});
