import { beforeAll, describe, expect, it } from "vitest";
import { POST as disableRoute } from "@/app/api/v1/tenants/[tenant]/endpoints/[endpoint]/disable/route";
import { POST as enableRoute } from "@/app/api/v1/tenants/[tenant]/endpoints/[endpoint]/enable/route";
import {
  GET as getHeadersRoute,
  PUT as putHeadersRoute,
} from "@/app/api/v1/tenants/[tenant]/endpoints/[endpoint]/headers/route";
import {
  DELETE as deleteRoute,
  GET as getRoute,
  PATCH as updateRoute,
} from "@/app/api/v1/tenants/[tenant]/endpoints/[endpoint]/route";
import { POST as rotateRoute } from "@/app/api/v1/tenants/[tenant]/endpoints/[endpoint]/secret/rotate/route";
import { GET as secretRoute } from "@/app/api/v1/tenants/[tenant]/endpoints/[endpoint]/secret/route";
import { GET as listRoute, POST as createRoute } from "@/app/api/v1/tenants/[tenant]/endpoints/route";
import { openJson, openSecret } from "@/lib/crypto";
import { db } from "@/lib/db";
import type { EndpointConfig } from "@/lib/sending/endpoint-config";
import { signingSecrets } from "@/lib/endpoints/secret-overlap";
import { reloadEnv } from "@/lib/env";
import { publishMessages } from "@/lib/messages/publish-messages";
import { callRoute } from "../../helpers/api";
import { useTestDatabase } from "../../helpers/database";
import { createApiKey, createTenant, createTestEventType, endpointSecret } from "../../helpers/fixtures";

type View = {
  id: string;
  status: string;
  disabledReason: string | null;
  eventTypes: string[];
  hasCustomHeaders: boolean;
  authType: string | null;
  url: string;
  description: string;
};

describe("endpoints API", () => {
  useTestDatabase();
  let tenantId: string;
  let key: string;

  beforeAll(async () => {
    tenantId = await createTenant();
    key = await createApiKey({ tenantId, role: "admin" });
    await createTestEventType({ name: "invoice.paid" });
    await createTestEventType({ name: "invoice.voided" });
  });

  const create = (body: unknown) => callRoute(createRoute, { params: { tenant: tenantId }, key, body });
  const at = (endpoint: string) => ({ tenant: tenantId, endpoint });
  async function createOne(body: object = {}) {
    const response = await create({ url: "http://127.0.0.1:9/hook", ...body });
    expect(response.status).toBe(201);
    return response.body as View;
  }

  it("should create an endpoint with a generated whsec_ secret that no view ever shows", async () => {
    const endpoint = await createOne({
      eventTypes: ["invoice.paid"],
      headers: { "x-team": "payments" },
      auth: { type: "bearer", token: "t0ken" },
    });
    expect(endpoint).toMatchObject({
      status: "enabled",
      eventTypes: ["invoice.paid"],
      hasCustomHeaders: true,
      authType: "bearer",
    });
    const secret = await endpointSecret(endpoint.id);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const views = [
      endpoint,
      (await callRoute(getRoute, { params: at(endpoint.id), key })).body,
      (await callRoute(listRoute, { params: { tenant: tenantId }, key })).body,
    ];
    for (const view of views) {
      const text = JSON.stringify(view);
      for (const hidden of [secret, "t0ken", "payments"]) expect(text).not.toContain(hidden);
    }
    const revealed = await callRoute(secretRoute, { params: at(endpoint.id), key });
    expect(revealed.body).toEqual({ signatureScheme: "v1", secret, publicKey: null, previousSecretExpiresAt: null });
    expect(revealed.headers.get("cache-control")).toBe("no-store");
  });

  it.each([
    { name: "an ftp URL", body: { url: "ftp://example.test/x" }, code: "validation_failed", path: "url" },
    {
      name: "a URL with credentials",
      body: { url: "http://user:pw@127.0.0.1:9/x" },
      code: "validation_failed",
      path: "url",
    },
    {
      name: "an unknown event type",
      body: { url: "http://127.0.0.1:9/x", eventTypes: ["nope.never"] },
      code: "event_type_unknown",
      path: "eventTypes",
    },
    {
      name: "a malformed secret",
      body: { url: "http://127.0.0.1:9/x", secret: "whsec_short" },
      code: "validation_failed",
      path: "secret",
    },
    {
      name: "a reserved header",
      body: { url: "http://127.0.0.1:9/x", headers: { "webhook-signature": "forged" } },
      code: "validation_failed",
      path: "headers.webhook-signature",
    },
    {
      name: "a timeout under a second",
      body: { url: "http://127.0.0.1:9/x", timeoutMs: 10 },
      code: "validation_failed",
      path: "timeoutMs",
    },
    {
      name: "an incomplete auth",
      body: { url: "http://127.0.0.1:9/x", auth: { type: "basic" } },
      code: "validation_failed",
      path: "auth.username",
    },
  ])("should refuse $name with 422 naming the field, creating nothing", async ({ body, code, path }) => {
    const before = await db().endpoint.count();
    const response = await create(body);
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({
      error: { code, details: expect.arrayContaining([expect.objectContaining({ path })]) },
    });
    expect(await db().endpoint.count()).toBe(before);
  });

  it("should require https when HOOKLINE_REQUIRE_HTTPS is on", async () => {
    process.env.HOOKLINE_REQUIRE_HTTPS = "true";
    reloadEnv();
    try {
      const response = await create({ url: "http://127.0.0.1:9/plain" });
      expect(response.status).toBe(422);
      expect(response.body).toMatchObject({ error: { details: [{ path: "url", code: "https_required" }] } });
      expect((await create({ url: "https://127.0.0.1:9/secure" })).status).toBe(201);
    } finally {
      delete process.env.HOOKLINE_REQUIRE_HTTPS;
      reloadEnv();
    }
  });

  it("should change only the fields a PATCH names", async () => {
    const endpoint = await createOne({
      description: "old",
      eventTypes: ["invoice.paid"],
      headers: { "x-a": "1" },
      auth: { type: "bearer", token: "t" },
      rateLimit: 5,
    });
    const patched = await callRoute(updateRoute, { params: at(endpoint.id), key, body: { description: "new" } });
    expect(patched.body).toMatchObject({
      description: "new",
      eventTypes: ["invoice.paid"],
      hasCustomHeaders: true,
      authType: "bearer",
      rateLimit: 5,
    });
    const moved = await callRoute(updateRoute, {
      params: at(endpoint.id),
      key,
      body: { url: "http://127.0.0.1:9/moved", eventTypes: ["invoice.voided", "invoice.voided"], auth: null },
    });
    expect(moved.body).toMatchObject({
      url: "http://127.0.0.1:9/moved",
      eventTypes: ["invoice.voided"],
      authType: null,
    });
    const refused = await callRoute(updateRoute, { params: at(endpoint.id), key, body: { url: "gopher://x" } });
    expect(refused.status).toBe(422);
    expect((await db().endpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).url).toBe(
      "http://127.0.0.1:9/moved",
    );
  });

  it("should rotate the secret, keeping the old one signing during the overlap", async () => {
    const endpoint = await createOne();
    const old = await endpointSecret(endpoint.id);
    const rotated = await callRoute(rotateRoute, { params: at(endpoint.id), key, method: "POST" });
    expect(rotated.status).toBe(200);
    const { secret, previousSecretExpiresAt } = rotated.body as { secret: string; previousSecretExpiresAt: string };
    expect(secret).toMatch(/^whsec_/);
    expect(secret).not.toBe(old);
    expect(new Date(previousSecretExpiresAt).getTime() - Date.now()).toBeGreaterThan(23 * 3_600_000); // the 24 h default overlap
    const row = await db().endpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    const config = {
      secret: await openSecret(row.secretEnc),
      previousSecret: await openSecret(row.previousSecretEnc!),
      previousSecretExpiresAt: row.previousSecretExpiresAt,
    } as EndpointConfig;
    expect(signingSecrets(config)).toEqual([secret, old]);
    expect(signingSecrets(config, Date.now() + 25 * 3_600_000)).toEqual([secret]);
    expect((await callRoute(secretRoute, { params: at(endpoint.id), key })).body).toEqual({
      signatureScheme: "v1",
      secret,
      publicKey: null,
      previousSecretExpiresAt,
    });

    const chosen = `whsec_${Buffer.alloc(32, 7).toString("base64")}`;
    expect(
      (await callRoute(rotateRoute, { params: at(endpoint.id), key, body: { secret: chosen } })).body,
    ).toMatchObject({ secret: chosen });
    expect((await callRoute(rotateRoute, { params: at(endpoint.id), key, body: { secret: "nope" } })).status).toBe(422);
    expect(await endpointSecret(endpoint.id)).toBe(chosen);
  });

  it("should fail queued deliveries when disabled by hand, and start fresh when enabled", async () => {
    const endpoint = await createOne();
    await publishMessages(tenantId, [
      { eventType: "invoice.paid", payload: {} },
      { eventType: "invoice.paid", payload: {} },
    ]);
    await db().endpoint.update({
      where: { id: endpoint.id },
      data: { failingSince: new Date(Date.now() - 86_400_000), failuresSinceSuccess: 9 },
    });

    const disabled = await callRoute(disableRoute, { params: at(endpoint.id), key, body: { reason: "maintenance" } });
    expect(disabled.body).toMatchObject({ status: "disabled", disabledReason: "maintenance" });
    const deliveries = await db().delivery.findMany({ where: { endpointId: endpoint.id } });
    expect(deliveries.length).toBe(2);
    expect(
      deliveries.every(
        (delivery) =>
          delivery.status === "failed" &&
          delivery.nextAttemptAt === null &&
          delivery.lastError?.includes("maintenance"),
      ),
    ).toBe(true);
    const [published] = await publishMessages(tenantId, [{ eventType: "invoice.paid", payload: {} }]);
    expect(await db().delivery.count({ where: { endpointId: endpoint.id, messageId: published!.id } })).toBe(0);

    const enabled = await callRoute(enableRoute, { params: at(endpoint.id), key, method: "POST" });
    expect(enabled.body).toMatchObject({ status: "enabled", disabledReason: null, failingSince: null });
    expect((await db().endpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).failuresSinceSuccess).toBe(0);
    // Disabling with no body at all records "manual".
    expect((await callRoute(disableRoute, { params: at(endpoint.id), key, method: "POST" })).body).toMatchObject({
      disabledReason: "manual",
    });
  });

  it("should read and replace custom headers (stored encrypted)", async () => {
    const endpoint = await createOne();
    expect((await callRoute(getHeadersRoute, { params: at(endpoint.id), key })).body).toEqual({ headers: {} });
    const put = await callRoute(putHeadersRoute, {
      params: at(endpoint.id),
      key,
      body: { headers: { "x-api-key": "sekret" } },
      method: "PUT",
    });
    expect(put.body).toEqual({ headers: { "x-api-key": "sekret" } });
    const row = await db().endpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    expect(row.headersEnc).not.toContain("sekret");
    expect(await openJson(row.headersEnc!, (value) => value)).toEqual({ "x-api-key": "sekret" });
    expect((await callRoute(getRoute, { params: at(endpoint.id), key })).body).toMatchObject({
      hasCustomHeaders: true,
    });
    expect(
      (
        await callRoute(putHeadersRoute, {
          params: at(endpoint.id),
          key,
          body: { headers: { host: "evil" } },
          method: "PUT",
        })
      ).status,
    ).toBe(422);
    await callRoute(putHeadersRoute, { params: at(endpoint.id), key, body: { headers: {} }, method: "PUT" });
    expect((await callRoute(getRoute, { params: at(endpoint.id), key })).body).toMatchObject({
      hasCustomHeaders: false,
    });
  });

  it("should delete an endpoint with its deliveries", async () => {
    const endpoint = await createOne();
    await publishMessages(tenantId, [{ eventType: "invoice.paid", payload: {} }]);
    expect(await db().delivery.count({ where: { endpointId: endpoint.id } })).toBe(1);
    expect((await callRoute(deleteRoute, { params: at(endpoint.id), key, method: "DELETE" })).status).toBe(204);
    expect((await callRoute(getRoute, { params: at(endpoint.id), key })).status).toBe(404);
    expect(await db().delivery.count({ where: { endpointId: endpoint.id } })).toBe(0);
    expect((await callRoute(deleteRoute, { params: at(endpoint.id), key, method: "DELETE" })).status).toBe(404);
  });

  it("should filter the list by status", async () => {
    const listed = await callRoute(listRoute, { params: { tenant: tenantId }, key, query: { status: "disabled" } });
    const data = (listed.body as { data: View[] }).data;
    expect(data.length).toBeGreaterThan(0);
    expect(data.every((endpoint) => endpoint.status === "disabled")).toBe(true);
  });
});
