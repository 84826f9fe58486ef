// The delivery engine end to end: publish through lib/, a real worker loop, a real HTTP
// receiver on 127.0.0.1 that verifies every request with the unmodified Standard Webhooks and
// Svix libraries.
import { Webhook as StandardWebhook } from "standardwebhooks";
import { Webhook as SvixWebhook } from "svix";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createWebhookAgent } from "@/lib/sending/webhook-agent";
import { deleteEndpoint } from "@/lib/endpoints";
import { publishMessages } from "@/lib/messages/publish-messages";
import { useTestDatabase } from "../../helpers/database";
import { createTenant, createTestEndpoint, createTestEventType, endpointSecret } from "../../helpers/fixtures";
import { startReceiver, type Receiver } from "../../helpers/receiver";
import { eventually, startTestWorker } from "../../helpers/worker";

describe("delivering messages", () => {
  const databaseUrl = useTestDatabase();
  let receiver: Receiver;
  let tenantId: string;

  beforeAll(async () => {
    receiver = await startReceiver();
    tenantId = await createTenant();
    await createTestEventType({ name: "invoice.paid", example: { id: "in_example", amount: 100 } });
  });
  afterAll(() => receiver.close());

  async function endpointAt(path: string, extra: Record<string, unknown> = {}) {
    return createTestEndpoint(tenantId, { url: receiver.url(path), eventTypes: ["invoice.paid"], ...extra });
  }

  async function publish(payload: Record<string, unknown> = { id: "in_1", amount: 4200 }) {
    const [message] = await publishMessages(tenantId, [{ eventType: "invoice.paid", payload }]);
    return message!;
  }

  const deliveryOf = (messageId: string, endpointId: string) =>
    db().delivery.findFirstOrThrow({ where: { messageId, endpointId } });

  const attemptsOf = (messageId: string, endpointId: string) =>
    db().attempt.findMany({ where: { messageId, endpointId }, orderBy: { number: "asc" } });

  async function settled(messageId: string, endpointId: string) {
    return eventually(
      async () => {
        const delivery = await deliveryOf(messageId, endpointId);
        return delivery.status === "succeeded" || delivery.status === "failed" ? delivery : undefined;
      },
      15_000,
      "the delivery to settle",
    );
  }

  it("should deliver a signed envelope that standardwebhooks and svix both verify", async () => {
    const endpoint = await endpointAt("/signed");
    startTestWorker(databaseUrl());
    const message = await publish({ id: "in_1", amount: 4200, note: "ünïcødé ✓" });
    const [request] = await receiver.waitFor(1, "/signed");
    const secret = await endpointSecret(endpoint.id);

    expect(request!.headers["content-type"]).toBe("application/json");
    expect(request!.headers["user-agent"]).toMatch(/^Hookline\/\d+\.\d+\.\d+/);
    expect(request!.headers["webhook-id"]).toBe(message.id);
    expect(JSON.parse(request!.body)).toEqual({
      type: "invoice.paid",
      timestamp: message.createdAt,
      data: { id: "in_1", amount: 4200, note: "ünïcødé ✓" },
    });
    expect(new StandardWebhook(secret).verify(request!.body, request!.headers)).toEqual(JSON.parse(request!.body));
    expect(
      new SvixWebhook(secret).verify(request!.body, {
        "svix-id": request!.headers["webhook-id"]!,
        "svix-timestamp": request!.headers["webhook-timestamp"]!,
        "svix-signature": request!.headers["webhook-signature"]!,
      }),
    ).toEqual(JSON.parse(request!.body));
    expect(() => new StandardWebhook(secret).verify(request!.body.replace("4200", "4201"), request!.headers)).toThrow();

    const delivery = await settled(message.id, endpoint.id);
    expect(delivery).toMatchObject({
      status: "succeeded",
      attemptCount: 1,
      lastStatusCode: 204,
      leaseOwner: null,
      nextAttemptAt: null,
    });
    const [attempt] = await attemptsOf(message.id, endpoint.id);
    expect(attempt).toMatchObject({
      number: 1,
      trigger: "scheduled",
      responseStatus: 204,
      errorKind: null,
      url: receiver.url("/signed"),
    });
    expect(attempt!.requestHeaders).toMatchObject({ "webhook-id": message.id, "content-type": "application/json" });
    expect(String((attempt!.requestHeaders as Record<string, string>)["webhook-signature"])).not.toContain(
      request!.headers["webhook-signature"]!.slice(3),
    );
  });

  it("should retry 5xx on the schedule, then succeed, numbering every attempt", async () => {
    const endpoint = await endpointAt("/flaky");
    receiver.on("/flaky", (_request, count) =>
      count <= 2 ? { status: 503, body: "down for maintenance" } : { status: 200, body: "ok" },
    );
    startTestWorker(databaseUrl(), { schedule: [100, 100, 100] });
    const message = await publish();
    const delivery = await settled(message.id, endpoint.id);
    expect(delivery.status).toBe("succeeded");
    const attempts = await attemptsOf(message.id, endpoint.id);
    expect(attempts.map((attempt) => [attempt.number, attempt.responseStatus])).toEqual([
      [1, 503],
      [2, 503],
      [3, 200],
    ]);
    expect(attempts[0]!.responseBody).toBe("down for maintenance");
    // every retry is signed with its own send time, and still verifies
    const requests = receiver.at("/flaky");
    const secret = await endpointSecret(endpoint.id);
    for (const request of requests)
      expect(() => new StandardWebhook(secret).verify(request.body, request.headers)).not.toThrow();
    expect(requests.map((request) => request.headers["webhook-id"])).toEqual([message.id, message.id, message.id]);
  });

  it("should give up when the schedule is exhausted", async () => {
    const endpoint = await endpointAt("/always-500");
    receiver.on("/always-500", { status: 500 });
    startTestWorker(databaseUrl(), { schedule: [50, 50] });
    const message = await publish();
    const delivery = await settled(message.id, endpoint.id);
    expect(delivery).toMatchObject({
      status: "failed",
      attemptCount: 3,
      lastStatusCode: 500,
      lastError: "HTTP 500 (retries exhausted)",
    });
  });

  it.each([
    { name: "400 Bad Request", answer: { status: 400 }, expected: "HTTP 400 (rejected, not retried)" },
    { name: "404 Not Found", answer: { status: 404 }, expected: "HTTP 404 (rejected, not retried)" },
    {
      name: "a 5xx with webhook-delivery: abort-message",
      answer: { status: 500, headers: { "webhook-delivery": "abort-message" } },
      expected: "HTTP 500 (aborted, not retried)",
    },
  ])("should fail without retrying on $name", async ({ name, answer, expected }) => {
    const path = `/no-retry-${name.replaceAll(/\W+/g, "-")}`;
    const endpoint = await endpointAt(path);
    receiver.on(path, answer);
    startTestWorker(databaseUrl(), { schedule: [50, 50] });
    const message = await publish();
    const delivery = await settled(message.id, endpoint.id);
    expect(delivery).toMatchObject({ status: "failed", attemptCount: 1, lastError: expected });
    const endpointRow = await db().endpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    expect(endpointRow.disabledAt).toBeNull();
  });

  it.each([408, 429])("should retry %i", async (status) => {
    const path = `/retry-${status}`;
    const endpoint = await endpointAt(path);
    receiver.on(path, (_request, count) => (count === 1 ? { status } : { status: 204 }));
    startTestWorker(databaseUrl(), { schedule: [50] });
    const message = await publish();
    expect((await settled(message.id, endpoint.id)).status).toBe("succeeded");
    expect((await attemptsOf(message.id, endpoint.id)).map((attempt) => attempt.responseStatus)).toEqual([status, 204]);
  });

  it("should disable the endpoint on 410 Gone and fail what it still had queued", async () => {
    const endpoint = await endpointAt("/gone");
    receiver.on("/gone", { status: 410 });
    const first = await publish();
    const second = await publish();
    startTestWorker(databaseUrl(), { concurrency: 1, endpointConcurrency: 1, claimBatch: 1 });
    const delivery = await settled(first.id, endpoint.id);
    expect(delivery).toMatchObject({ status: "failed", lastStatusCode: 410 });
    const endpointRow = await db().endpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    expect(endpointRow.disabledReason).toBe("gone");
    expect(endpointRow.disabledAt).not.toBeNull();
    const other = await settled(second.id, endpoint.id);
    expect(other.status).toBe("failed");
    expect(receiver.at("/gone")).toHaveLength(1);
  });

  it("should send nothing more to a 410 Gone endpoint, even rows already claimed and queued behind its gate", async () => {
    const endpoint = await endpointAt("/gone-queued");
    receiver.on("/gone-queued", { status: 410, delayMs: 200 });
    const messages = [];
    for (let index = 0; index < 40; index++) messages.push(await publish());
    // One at a time to the endpoint, the rest claimed and waiting behind its gate: more than can
    // be given back before the 410 is stored, so some come up after it.
    startTestWorker(databaseUrl(), { concurrency: 64, endpointConcurrency: 1, claimBatch: 64 });
    for (const message of messages) expect((await settled(message.id, endpoint.id)).status).toBe("failed");
    expect(receiver.at("/gone-queued")).toHaveLength(1);
    const endpointRow = await db().endpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    expect(endpointRow.disabledReason).toBe("gone");
  });

  it("should honour Retry-After up to twice the scheduled delay", async () => {
    const endpoint = await endpointAt("/retry-after");
    receiver.on("/retry-after", (_request, count) =>
      count === 1 ? { status: 503, headers: { "retry-after": "1" } } : { status: 204 },
    );
    startTestWorker(databaseUrl(), { schedule: [500] });
    const message = await publish();
    await settled(message.id, endpoint.id);
    const [first, second] = receiver.at("/retry-after");
    const gap = second!.receivedAt - first!.receivedAt;
    // Without Retry-After the gap would be 450–550 ms; with it, 1 s (capped at 2 × 500 ms).
    expect(gap).toBeGreaterThanOrEqual(950);
    expect(gap).toBeLessThan(2_500);
  });

  it("should time out a receiver that never answers, record it and retry", async () => {
    const endpoint = await endpointAt("/hang", { timeoutMs: 1_000 });
    receiver.on("/hang", (_request, count) => (count === 1 ? { hang: true } : { status: 200 }));
    startTestWorker(databaseUrl(), { schedule: [50] });
    const message = await publish();
    expect((await settled(message.id, endpoint.id)).status).toBe("succeeded");
    const [timedOut, ok] = await attemptsOf(message.id, endpoint.id);
    expect(timedOut).toMatchObject({ errorKind: "timeout", responseStatus: null });
    expect(timedOut!.durationMs).toBeGreaterThanOrEqual(950);
    expect(timedOut!.durationMs).toBeLessThan(3_000);
    expect(ok!.responseStatus).toBe(200);
  });

  it("should not follow redirects", async () => {
    const endpoint = await endpointAt("/moved");
    receiver.on("/moved", { status: 301, headers: { location: receiver.url("/elsewhere") } });
    startTestWorker(databaseUrl(), { schedule: [50] });
    const message = await publish();
    const delivery = await settled(message.id, endpoint.id);
    expect(delivery).toMatchObject({ status: "failed", lastStatusCode: 301 });
    expect(receiver.at("/elsewhere")).toHaveLength(0);
    const [attempt] = await attemptsOf(message.id, endpoint.id);
    expect(attempt!.responseHeaders).toMatchObject({ location: receiver.url("/elsewhere") });
  });

  it("should keep at most the configured bytes of a response body", async () => {
    const endpoint = await endpointAt("/big");
    receiver.on("/big", { status: 200, body: "x".repeat(100_000) });
    startTestWorker(databaseUrl(), { responseBodyLimit: 64 });
    const message = await publish();
    await settled(message.id, endpoint.id);
    const [attempt] = await attemptsOf(message.id, endpoint.id);
    expect(attempt!.responseBody).toBe("x".repeat(64));
  });

  it("should send custom headers and receiver credentials, and mask them in the attempt log", async () => {
    const basic = await endpointAt("/basic", {
      headers: { "x-team": "payments" },
      auth: { type: "basic", username: "hook", password: "p4ss" },
    });
    const bearer = await endpointAt("/bearer", { auth: { type: "bearer", token: "static-token-123" } });
    startTestWorker(databaseUrl());
    const message = await publish();
    const [basicRequest] = await receiver.waitFor(1, "/basic");
    const [bearerRequest] = await receiver.waitFor(1, "/bearer");
    expect(basicRequest!.headers["x-team"]).toBe("payments");
    expect(basicRequest!.headers.authorization).toBe(`Basic ${Buffer.from("hook:p4ss").toString("base64")}`);
    expect(bearerRequest!.headers.authorization).toBe("Bearer static-token-123");
    await settled(message.id, basic.id);
    await settled(message.id, bearer.id);
    const [logged] = await attemptsOf(message.id, basic.id);
    const headers = logged!.requestHeaders as Record<string, string>;
    expect(headers.authorization).toBe("Basic ••••••");
    expect(headers["x-team"]).toBe("••••••");
    expect(JSON.stringify(await db().attempt.findMany())).not.toContain("static-token-123");
  });

  it("should fetch an OAuth2 client-credentials token, cache it, and refresh it once on 401", async () => {
    let tokensIssued = 0;
    receiver.on("/oauth/token", () => ({
      status: 200,
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ access_token: `tok-${++tokensIssued}`, expires_in: 3600, token_type: "Bearer" }),
    }));
    // The receiver accepts only the newest token: the first one is "revoked" after one use.
    receiver.on("/oauth/hook", (request) =>
      request.headers.authorization === `Bearer tok-${tokensIssued}` &&
      !(tokensIssued === 1 && receiver.at("/oauth/hook").length > 1)
        ? { status: 204 }
        : { status: 401 },
    );
    const endpoint = await endpointAt("/oauth/hook", {
      auth: {
        type: "oauth2",
        tokenUrl: receiver.url("/oauth/token"),
        clientId: "client",
        clientSecret: "s3cret",
        scope: "webhooks",
      },
    });
    startTestWorker(databaseUrl(), { concurrency: 1, endpointConcurrency: 1 });
    const first = await publish();
    expect((await settled(first.id, endpoint.id)).status).toBe("succeeded");
    const second = await publish();
    expect((await settled(second.id, endpoint.id)).status).toBe("succeeded");
    const tokenRequests = receiver.at("/oauth/token");
    expect(tokenRequests).toHaveLength(2); // one cached use, then one refresh after the 401
    expect(tokenRequests[0]!.body).toBe("grant_type=client_credentials&scope=webhooks");
    expect(tokenRequests[0]!.headers.authorization).toBe(`Basic ${Buffer.from("client:s3cret").toString("base64")}`);
    expect(await attemptsOf(second.id, endpoint.id)).toHaveLength(1);
  });

  it("should refuse a private address at send time, record ssrf_blocked, and not retry", async () => {
    const endpoint = await endpointAt("/private");
    // A worker whose agent enforces the SSRF policy; the receiver is on 127.0.0.1 (loopback),
    // so the connection is refused before any packet is sent.
    startTestWorker(databaseUrl(), {
      dispatcher: createWebhookAgent({ allowPrivateNetworks: false, connectTimeoutMs: 1_000 }),
      schedule: [50, 50],
    });
    const message = await publish();
    const delivery = await settled(message.id, endpoint.id);
    expect(delivery).toMatchObject({ status: "failed", attemptCount: 1 });
    const [attempt] = await attemptsOf(message.id, endpoint.id);
    expect(attempt).toMatchObject({ errorKind: "ssrf_blocked", responseStatus: null });
    expect(attempt!.errorMessage).toMatch(/blocked range \(loopback\)/);
    expect(receiver.at("/private")).toHaveLength(0);
  });

  it("should respect an endpoint's rate limit", async () => {
    const endpoint = await endpointAt("/limited", { rateLimit: 5 });
    startTestWorker(databaseUrl());
    await publishMessages(
      tenantId,
      Array.from({ length: 12 }, (_, n) => ({ eventType: "invoice.paid", payload: { n } })),
    );
    const requests = await receiver.waitFor(12, "/limited", 10_000);
    const first = requests[0]!.receivedAt;
    // a burst of 5, then one every 200 ms: the 12th no sooner than 7 × 200 ms after the first
    // (ideally 1,400 ms; slack for a loaded machine, where the first arrival itself may be late)
    expect(requests[11]!.receivedAt - first).toBeGreaterThanOrEqual(1_000);
    expect(requests.filter((request) => request.receivedAt - first < 1_000).length).toBeLessThanOrEqual(10);
    expect(endpoint.rateLimit).toBe(5);
  });

  it("should keep recording after an endpoint is deleted while a try to it is in flight", async () => {
    const doomed = await endpointAt("/doomed");
    const survivor = await endpointAt("/survivor");
    receiver.on("/doomed", { status: 200, delayMs: 400 });
    startTestWorker(databaseUrl());
    const first = await publish();
    await receiver.waitFor(1, "/doomed");
    await deleteEndpoint(null, tenantId, doomed.id); // while its request is still waiting for an answer
    expect((await settled(first.id, survivor.id)).status).toBe("succeeded");
    // the worker's next batches are not stuck behind the orphaned attempt
    const second = await publish();
    expect((await settled(second.id, survivor.id)).status).toBe("succeeded");
    expect(await db().attempt.count({ where: { endpointId: doomed.id } })).toBe(0);
  });

  it("should stamp every try with its own send time", async () => {
    const endpoint = await endpointAt("/timestamps");
    receiver.on("/timestamps", (_request, count) => (count === 1 ? { status: 500 } : { status: 204 }));
    startTestWorker(databaseUrl(), { schedule: [1_100] });
    const message = await publish();
    await settled(message.id, endpoint.id);
    const [first, second] = receiver.at("/timestamps");
    const stamps = [first, second].map((request) => Number(request!.headers["webhook-timestamp"]));
    expect(stamps[1]! - stamps[0]!).toBeGreaterThanOrEqual(1);
    for (const request of [first!, second!])
      expect(Math.abs(Number(request.headers["webhook-timestamp"]) * 1000 - request.receivedAt)).toBeLessThan(2_000);
  });

  it("should keep a hanging endpoint from delaying a healthy one", async () => {
    const hanging = await createTestEndpoint(tenantId, {
      url: receiver.url("/stuck"),
      eventTypes: ["invoice.paid"],
      timeoutMs: 10_000,
    });
    const healthy = await createTestEndpoint(tenantId, { url: receiver.url("/healthy"), eventTypes: ["invoice.paid"] });
    receiver.on("/stuck", { hang: true });
    // only these two endpoints receive this type from here on
    await db().endpoint.updateMany({
      where: { tenantId, id: { notIn: [hanging.id, healthy.id] } },
      data: { disabledAt: new Date(), disabledReason: "manual" },
    });
    startTestWorker(databaseUrl(), { concurrency: 16, endpointConcurrency: 4, claimBatch: 16 });
    const messages = await publishMessages(
      tenantId,
      Array.from({ length: 50 }, (_, index) => ({ eventType: "invoice.paid", payload: { index } })),
    );
    const started = Date.now();
    await receiver.waitFor(50, "/healthy", 10_000);
    const elapsed = Date.now() - started;
    expect(elapsed).toBeLessThan(1_000);
    expect(receiver.at("/stuck").length).toBeLessThanOrEqual(4);
    expect(messages).toHaveLength(50);
  });
});
