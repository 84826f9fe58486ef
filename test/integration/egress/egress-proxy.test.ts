// Tries through an HTTP CONNECT proxy: the server's proxy (HOOKLINE_EGRESS_PROXY, here the
// worker's base agent), an endpoint's own, and the opt-out; OAuth2 token requests take the same
// route; the SSRF guard refuses blocked targets before the proxy is asked. Proxies and receivers
// are real, on 127.0.0.1; names resolve through an injected resolver, so nothing leaves loopback.
import { request } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as createRoute } from "@/app/api/v1/tenants/[tenant]/endpoints/route";
import { db } from "@/lib/db";
import { publishMessages } from "@/lib/messages/publish-messages";
import { createWebhookAgent } from "@/lib/sending/webhook-agent";
import { SsrfBlockedError } from "@/lib/ssrf";
import { callRoute } from "../../helpers/api";
import { startConnectProxy, type TestProxy } from "../../helpers/connect-proxy";
import { useTestDatabase } from "../../helpers/database";
import { createApiKey, createTenant, createTestEventType } from "../../helpers/fixtures";
import { startReceiver, type Receiver } from "../../helpers/receiver";
import { eventually, startTestWorker } from "../../helpers/worker";

describe("egress proxy", () => {
  const databaseUrl = useTestDatabase();
  let receiver: Receiver;
  let tokens: Receiver;
  let serverProxy: TestProxy;
  let endpointProxy: TestProxy;
  let tenantId: string;
  let key: string;
  let counter = 0;

  beforeAll(async () => {
    receiver = await startReceiver();
    tokens = await startReceiver();
    tokens.on("/token", {
      status: 200,
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ access_token: "tok_1", expires_in: 3600 }),
    });
    serverProxy = await startConnectProxy();
    endpointProxy = await startConnectProxy("team", "other-secret");
    tenantId = await createTenant();
    key = await createApiKey({ tenantId, role: "admin" });
    await createTestEventType({ name: "order.created" });
    await createTestEventType({ name: "order.shipped" });
  });
  afterAll(async () => {
    await Promise.all([receiver.close(), tokens.close(), serverProxy.close(), endpointProxy.close()]);
  });

  const withServerProxy = (proxyUrl = serverProxy.url) =>
    startTestWorker(databaseUrl(), {
      dispatcher: createWebhookAgent({ allowPrivateNetworks: true, connectTimeoutMs: 2_000, proxyUrl }),
    });

  async function endpointCase(body: object = {}, at = () => receiver) {
    const path = `/proxied-${++counter}`;
    const response = await callRoute(createRoute, {
      params: { tenant: tenantId },
      key,
      body: { url: at().url(path), eventTypes: ["order.created"], ...body },
    });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return { path, endpoint: response.body as { id: string; proxyMode: string; proxyUrl: string | null } };
  }

  const publish = () => publishMessages(tenantId, [{ eventType: "order.created", payload: { n: counter } }]);
  const receiverTarget = () => `127.0.0.1:${receiver.port}`;

  it("should send every try through the server's proxy, with its credentials", async () => {
    const { path } = await endpointCase();
    withServerProxy();
    const before = serverProxy.connects.length;
    await publish();
    await publish();
    await receiver.waitFor(2, path);
    const connects = serverProxy.connects.slice(before);
    expect(connects.length).toBeGreaterThanOrEqual(1);
    expect(connects).toContainEqual({ target: receiverTarget(), authorized: true });
    expect(connects.every((connect) => connect.target === receiverTarget() && connect.authorized)).toBe(true);
  });

  it("should fail the try, not deliver, when the proxy refuses the credentials", async () => {
    const { path, endpoint } = await endpointCase();
    withServerProxy(serverProxy.url.replace("s3cret", "wrong"));
    const before = serverProxy.connects.length;
    await publish();
    const attempt = await eventually(() =>
      db()
        .attempt.findFirst({ where: { endpointId: endpoint.id } })
        .then((row) => row ?? undefined),
    );
    expect(attempt.responseStatus).toBeNull();
    expect(attempt.errorMessage).toMatch(/407/);
    expect(serverProxy.connects.slice(before)).toContainEqual({ target: receiverTarget(), authorized: false });
    expect(receiver.at(path)).toHaveLength(0);
  });

  it("should fetch OAuth2 tokens through the same proxy as the tries", async () => {
    const { path } = await endpointCase({
      auth: { type: "oauth2", tokenUrl: tokens.url("/token"), clientId: "hookline", clientSecret: "shh" },
    });
    withServerProxy();
    const before = serverProxy.connects.length;
    await publish();
    const [delivered] = await receiver.waitFor(1, path);
    expect(delivered!.headers.authorization).toBe("Bearer tok_1");
    expect(serverProxy.connects.slice(before)).toContainEqual({ target: `127.0.0.1:${tokens.port}`, authorized: true });
  });

  it("should use an endpoint's own proxy, and none when it opts out", async () => {
    // On a receiver of their own: earlier cases' retries keep going to the first one.
    const own = await endpointCase({ proxyUrl: endpointProxy.url, eventTypes: ["order.shipped"] }, () => tokens);
    expect(own.endpoint).toMatchObject({ proxyMode: "custom" });
    expect(own.endpoint.proxyUrl).toMatch(/^http:\/\/\*\*\*\*@127\.0\.0\.1:\d+\/$/);
    const direct = await endpointCase({ proxyUrl: null, eventTypes: ["order.shipped"] }, () => tokens);
    expect(direct.endpoint).toMatchObject({ proxyMode: "none", proxyUrl: null });
    withServerProxy();
    const serverBefore = serverProxy.connects.length;
    await publishMessages(tenantId, [{ eventType: "order.shipped", payload: {} }]);
    await tokens.waitFor(1, own.path);
    await tokens.waitFor(1, direct.path);
    const tokensTarget = `127.0.0.1:${tokens.port}`;
    expect(endpointProxy.connects).toContainEqual({ target: tokensTarget, authorized: true });
    expect(serverProxy.connects.slice(serverBefore).filter((connect) => connect.target === tokensTarget)).toEqual([]);
    const stored = await db().endpoint.findUniqueOrThrow({ where: { id: own.endpoint.id } });
    expect(JSON.stringify(stored)).not.toContain("other-secret");
  });

  it.each([
    { name: "a proxy URL that is not http(s)", proxyUrl: "socks5://127.0.0.1:1080", code: "unsupported_scheme" },
    { name: "a proxy URL with a path", proxyUrl: "http://127.0.0.1:3128/x", code: "invalid_url" },
  ])("should refuse $name with a 422", async ({ proxyUrl, code }) => {
    const response = await callRoute(createRoute, {
      params: { tenant: tenantId },
      key,
      body: { url: receiver.url("/never"), proxyUrl },
    });
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ error: { details: [{ path: "proxyUrl", code }] } });
  });

  describe("with the SSRF guard on", () => {
    const resolved: string[] = [];
    const guarded = () =>
      createWebhookAgent({
        allowPrivateNetworks: false,
        connectTimeoutMs: 2_000,
        proxyUrl: serverProxy.url,
        resolve: async (hostname) => {
          resolved.push(hostname);
          return hostname === "internal.example" ? [{ address: "10.1.2.3", family: 4 }] : [];
        },
      });

    it.each([
      { name: "an IP literal in a blocked range", url: () => receiver.url("/blocked") },
      { name: "the metadata address", url: () => "http://169.254.169.254/latest/meta-data" },
      { name: "a name that resolves to a private address", url: () => "https://internal.example/hook" },
    ])("should refuse $name before asking the proxy", async ({ url }) => {
      const agent = guarded();
      const before = serverProxy.connects.length;
      const error = await request(url(), { method: "POST", body: "{}", dispatcher: agent }).then(
        () => undefined,
        (failure: unknown) => failure,
      );
      await agent.close();
      expect(error).toBeInstanceOf(SsrfBlockedError);
      expect(serverProxy.connects.length).toBe(before);
    });
  });
});
