// The built-in playground receiver: it verifies Standard Webhooks signatures made by Hookline's
// own signer with the `standardwebhooks` library, refuses anything else with 401, and answers
// per mode (ok / flaky / slow). Called through the route handler, as Next.js would.
import { beforeAll, describe, expect, it } from "vitest";
import * as route from "@/app/api/playground/[mode]/[endpoint]/route";
import { rotateEndpointSecret } from "@/lib/endpoints/endpoint-secret";
import { newId } from "@/lib/ids";
import { createPlaygroundEndpoint, receivePlaygroundWebhook, type PlaygroundMode } from "@/lib/playground";
import { buildWebhookHeaders, generateSigningKey } from "@/lib/signing";
import { callRoute } from "../../helpers/api";
import { useTestDatabase } from "../../helpers/database";
import { createTenant, endpointSecret } from "../../helpers/fixtures";

const PUBLIC_URL = "http://localhost:3000";
const BODY = JSON.stringify({
  type: "invoice.paid",
  timestamp: "2026-01-01T00:00:00.000Z",
  data: { id: "in_1", amount: 4200 },
});

function signed(
  secret: string,
  options: { body?: string; timestamp?: Date; msgId?: string } = {},
): Record<string, string> {
  return {
    ...buildWebhookHeaders({
      msgId: options.msgId ?? newId("message"),
      timestamp: options.timestamp ?? new Date(),
      body: options.body ?? BODY,
      secrets: [secret],
    }),
  };
}

describe("POST /api/playground/:mode/:endpoint", () => {
  useTestDatabase();
  const endpoints = {} as Record<PlaygroundMode, { id: string; secret: string }>;

  beforeAll(async () => {
    const tenantId = await createTenant("Playground");
    for (const mode of ["ok", "flaky", "slow"] as const) {
      const endpoint = await createPlaygroundEndpoint(tenantId, mode, PUBLIC_URL);
      expect(endpoint.url).toBe(`${PUBLIC_URL}/api/playground/${mode}/${endpoint.id}`);
      endpoints[mode] = { id: endpoint.id, secret: await endpointSecret(endpoint.id) };
    }
  });

  async function post(mode: string, endpointId: string, headers: Record<string, string>, body = BODY) {
    return callRoute(route.POST, {
      params: { mode, endpoint: endpointId },
      rawBody: body,
      headers: { "content-type": "application/json", ...headers },
    });
  }

  it("should answer 200 to a delivery signed with the endpoint's secret", async () => {
    const { id, secret } = endpoints.ok;
    const response = await post("ok", id, signed(secret));
    expect(response).toMatchObject({ status: 200, body: { verified: true, mode: "ok" } });
  });

  it.each([
    { name: "a signature made with another secret", headers: () => signed(endpoints.flaky.secret) },
    { name: "a body changed after signing", headers: () => signed(endpoints.ok.secret, { body: `${BODY} ` }) },
    {
      name: "a timestamp from an hour ago",
      headers: () => signed(endpoints.ok.secret, { timestamp: new Date(Date.now() - 3_600_000) }),
    },
    { name: "no signature headers", headers: () => ({}) },
    {
      name: "a garbled signature",
      headers: () => ({ ...signed(endpoints.ok.secret), "webhook-signature": "v1,AAAA" }),
    },
  ])("should answer 401 to $name", async ({ headers }) => {
    const response = await post("ok", endpoints.ok.id, headers());
    expect(response).toMatchObject({ status: 401, body: { verified: false } });
  });

  it.each([
    { name: "an unknown endpoint", mode: "ok", endpoint: () => newId("endpoint") },
    { name: "an endpoint registered under another mode", mode: "flaky", endpoint: () => endpoints.ok.id },
    { name: "an unknown mode", mode: "teapot", endpoint: () => endpoints.ok.id },
    { name: "a malformed endpoint id", mode: "ok", endpoint: () => "../v1" },
  ])("should answer 404 for $name", async ({ mode, endpoint }) => {
    const response = await post(mode, endpoint(), signed(endpoints.ok.secret));
    expect(response.status).toBe(404);
  });

  it("should keep verifying the previous secret during a rotation's overlap", async () => {
    const tenantId = await createTenant("Rotating");
    const endpoint = await createPlaygroundEndpoint(tenantId, "ok", PUBLIC_URL);
    const oldSecret = await endpointSecret(endpoint.id);
    const newSecret = (await rotateEndpointSecret(null, tenantId, endpoint.id)).secret!;
    expect((await post("ok", endpoint.id, signed(oldSecret))).status).toBe(200);
    expect((await post("ok", endpoint.id, signed(newSecret))).status).toBe(200);
  });

  it("should verify a v1a endpoint's ed25519 signature with its public key", async () => {
    const tenantId = await createTenant("Asymmetric");
    const endpoint = await createPlaygroundEndpoint(tenantId, "ok", PUBLIC_URL);
    const signingKey = generateSigningKey();
    await rotateEndpointSecret(null, tenantId, endpoint.id, { secret: signingKey });
    expect((await post("ok", endpoint.id, signed(signingKey))).status).toBe(200);
    expect((await post("ok", endpoint.id, signed(generateSigningKey()))).status).toBe(401);
    const stale = signed(signingKey, { timestamp: new Date(Date.now() - 10 * 60_000) });
    expect((await post("ok", endpoint.id, stale)).status).toBe(401);
  });

  it("should answer slowly in slow mode", async () => {
    const started = Date.now();
    const response = await post("slow", endpoints.slow.id, signed(endpoints.slow.secret));
    expect(response.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
  });

  it("should answer GET with 405", async () => {
    const response = await callRoute(route.GET, { params: { mode: "ok", endpoint: endpoints.ok.id }, method: "GET" });
    expect(response).toMatchObject({ status: 405, body: { error: { code: "method_not_allowed" } } });
  });
});

describe("receivePlaygroundWebhook in flaky mode", () => {
  useTestDatabase();

  it("should fail with a 5xx when the dice say so, and verify first either way", async () => {
    const tenantId = await createTenant("Flaky");
    const endpoint = await createPlaygroundEndpoint(tenantId, "flaky", PUBLIC_URL);
    const secret = await endpointSecret(endpoint.id);
    const delivery = (headers: Record<string, string>) => ({
      mode: "flaky",
      endpointId: endpoint.id,
      body: BODY,
      headers: new Headers(headers),
    });

    const failing = await receivePlaygroundWebhook(delivery(signed(secret)), { random: () => 0.1 });
    expect(failing.status).toBeGreaterThanOrEqual(500);
    expect(failing.body.verified).toBe(true);
    expect((await receivePlaygroundWebhook(delivery(signed(secret)), { random: () => 0.9 })).status).toBe(200);
    expect((await receivePlaygroundWebhook(delivery({}), { random: () => 0.1 })).status).toBe(401);
  });

  it("should fail about a third of the time with real randomness", async () => {
    const tenantId = await createTenant("Flaky stats");
    const endpoint = await createPlaygroundEndpoint(tenantId, "flaky", PUBLIC_URL);
    const secret = await endpointSecret(endpoint.id);
    let failures = 0;
    for (let index = 0; index < 300; index++) {
      const answer = await receivePlaygroundWebhook({
        mode: "flaky",
        endpointId: endpoint.id,
        body: BODY,
        headers: new Headers(signed(secret)),
      });
      if (answer.status >= 500) failures++;
    }
    expect(failures).toBeGreaterThan(60);
    expect(failures).toBeLessThan(140);
  });
});
