// The webhook agent with the SSRF guard on (production): the instance's own playground on
// loopback is reachable, and nothing else on loopback is — not another path of the same
// server, not another port. Real requests to real receivers on 127.0.0.1.
import { request, type Dispatcher } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWebhookAgent } from "@/lib/sending/webhook-agent";
import { SsrfBlockedError } from "@/lib/ssrf";
import { startReceiver, type Receiver } from "../../helpers/receiver";

describe("createWebhookAgent with the SSRF guard on", () => {
  let instance: Receiver;
  let other: Receiver;
  let agent: Dispatcher;

  beforeAll(async () => {
    instance = await startReceiver();
    other = await startReceiver();
    agent = createWebhookAgent({
      allowPrivateNetworks: false,
      connectTimeoutMs: 2_000,
      publicUrl: `http://127.0.0.1:${instance.port}`,
    });
  });

  afterAll(async () => {
    await agent.close();
    await instance.close();
    await other.close();
  });

  async function post(url: string) {
    return request(url, { method: "POST", body: "{}", dispatcher: agent }).then(
      async (response) => ({ status: response.statusCode, body: await response.body.text() }),
      (error: unknown) => ({ error }),
    );
  }

  it("should deliver to the instance's own playground receiver", async () => {
    const result = await post(instance.url("/api/playground/ok/ep_x"));
    expect(result).toEqual({ status: 204, body: "" });
    expect(instance.at("/api/playground/ok/ep_x")).toHaveLength(1);
  });

  it.each([
    { name: "another path of the instance", url: () => instance.url("/api/v1/tenants") },
    { name: "a playground path with a query", url: () => `${instance.url("/api/playground/ok/ep_x")}?x=1` },
    { name: "another loopback port", url: () => other.url("/api/playground/ok/ep_x") },
    { name: "the instance by another name", url: () => `http://localhost:${instance.port}/api/playground/ok/ep_x` },
  ])("should refuse $name", async ({ url }) => {
    const before = instance.requests.length + other.requests.length;
    const result = await post(url());
    expect(result).toMatchObject({ error: expect.any(SsrfBlockedError) });
    expect(instance.requests.length + other.requests.length).toBe(before);
  });

  it("should keep the refusal after a playground connection is pooled", async () => {
    await post(instance.url("/api/playground/flaky/ep_y"));
    const result = await post(instance.url("/api/v1/tenants"));
    expect(result).toMatchObject({ error: expect.any(SsrfBlockedError) });
    expect(instance.at("/api/v1/tenants")).toHaveLength(0);
  });

  it("should send everything anywhere with private networks allowed (development)", async () => {
    const open = createWebhookAgent({
      allowPrivateNetworks: true,
      connectTimeoutMs: 2_000,
      publicUrl: `http://127.0.0.1:${instance.port}`,
    });
    const response = await request(other.url("/anything"), { method: "POST", body: "{}", dispatcher: open });
    expect(response.statusCode).toBe(204);
    await response.body.dump();
    await open.close();
  });
});
