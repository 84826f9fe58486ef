// Polling endpoints end to end against PostgreSQL: the poll route as Next serves it, messages
// in publish order signed as a push would be (standardwebhooks verifies them), acknowledgement
// by cursor recorded as `fetch` attempts with statistics, the long poll woken by a publish, the
// worker leaving polling deliveries alone, token rotation, and the refusals.
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { publishMessages } from "@/lib/messages/publish-messages";
import { rotatePollingToken, stopPollListener, waitingPolls, type PollPage } from "@/lib/polling";
import { GET as poll } from "@/app/api/v1/poll/[pollingToken]/route";
import { POST as createEndpointRoute } from "@/app/api/v1/tenants/[tenant]/endpoints/route";
import { PATCH as updateEndpointRoute } from "@/app/api/v1/tenants/[tenant]/endpoints/[endpoint]/route";
import { callRoute } from "../../helpers/api";
import { useTestDatabase } from "../../helpers/database";
import {
  createApiKey,
  createTenant,
  createTestEndpoint,
  createTestEventType,
  endpointSecret,
} from "../../helpers/fixtures";
import { startReceiver, type Receiver } from "../../helpers/receiver";
import { eventually, startTestWorker } from "../../helpers/worker";

interface ErrorBody {
  error: { code: string; details: unknown };
}

describe("polling endpoints", () => {
  const databaseUrl = useTestDatabase();
  let tenantId: string;
  let receiver: Receiver;

  beforeAll(async () => {
    tenantId = await createTenant();
    receiver = await startReceiver();
    await createTestEventType({ name: "order.created" });
  });
  afterAll(async () => {
    await stopPollListener();
    await receiver.close();
  });

  async function pollingEndpoint() {
    const endpoint = await createTestEndpoint(tenantId, { type: "polling", eventTypes: ["order.created"] });
    expect(endpoint.pollingToken).toMatch(/^hlpoll_/);
    return { ...endpoint, token: endpoint.pollingToken!, secret: await endpointSecret(endpoint.id) };
  }

  const publish = async (...numbers: number[]) =>
    publishMessages(
      tenantId,
      numbers.map((n) => ({ eventType: "order.created", payload: { n } })),
    );

  async function fetchPage(token: string, query: Record<string, string> = {}) {
    const answer = await callRoute(poll, { params: { pollingToken: token }, query, path: "/api/v1/poll/x" });
    return answer as { status: number; body: PollPage & { error?: { code: string } } };
  }

  it("should hand out messages in publish order, signed as a push, and acknowledge them by cursor", async () => {
    const endpoint = await pollingEndpoint();
    const published = await publish(1, 2, 3, 4, 5);

    const first = await fetchPage(endpoint.token, { limit: "3" });
    expect(first.status).toBe(200);
    expect(first.body.data.map((message) => message.id)).toEqual(published.slice(0, 3).map((message) => message.id));
    const verifier = new Webhook(endpoint.secret);
    for (const [index, message] of first.body.data.entries()) {
      expect(message.headers["webhook-id"]).toBe(message.id);
      expect(verifier.verify(message.body, message.headers)).toEqual({
        type: "order.created",
        timestamp: published[index]!.createdAt,
        data: { n: index + 1 },
      });
      expect(() => verifier.verify(message.body.replace(`"n":`, `"n": `), message.headers)).toThrow();
    }

    // Fetching again without the cursor hands the same ones out again (at least once).
    const again = await fetchPage(endpoint.token, { limit: "3" });
    expect(again.body.data.map((message) => message.id)).toEqual(first.body.data.map((message) => message.id));

    const second = await fetchPage(endpoint.token, { limit: "3", cursor: first.body.cursor! });
    expect(second.body.data.map((message) => message.id)).toEqual(published.slice(3).map((message) => message.id));

    const deliveries = await db().delivery.findMany({ where: { endpointId: endpoint.id }, orderBy: { id: "asc" } });
    expect(deliveries.map((delivery) => delivery.status)).toEqual([
      "succeeded",
      "succeeded",
      "succeeded",
      "pending",
      "pending",
    ]);
    const attempts = await db().attempt.findMany({ where: { endpointId: endpoint.id } });
    expect(attempts).toHaveLength(3);
    expect(attempts.every((attempt) => attempt.trigger === "fetch" && attempt.responseStatus === 200)).toBe(true);
    const stats = await db().endpointStats.findMany({ where: { endpointId: endpoint.id } });
    expect(stats.reduce((sum, row) => sum + row.succeeded, 0)).toBe(3);
    expect((await db().endpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).lastSuccessAt).not.toBeNull();

    // The last cursor acknowledges the rest; an empty page keeps the cursor.
    const third = await fetchPage(endpoint.token, { cursor: second.body.cursor! });
    expect(third.body).toEqual({ data: [], cursor: second.body.cursor });
    expect(await db().delivery.count({ where: { endpointId: endpoint.id, status: "succeeded" } })).toBe(5);
    // Acknowledging twice records nothing twice.
    await fetchPage(endpoint.token, { cursor: second.body.cursor! });
    expect(await db().attempt.count({ where: { endpointId: endpoint.id } })).toBe(5);
  });

  it("should answer a waiting poll promptly when a message is published", async () => {
    const endpoint = await pollingEndpoint();
    const started = Date.now();
    const waiting = fetchPage(endpoint.token, { wait: "25" });
    await eventually(() => (waitingPolls() > 0 ? true : undefined), 10_000, "the poll to wait");
    const [message] = await publish(42);
    const answer = await waiting;
    expect(answer.body.data.map((polled) => polled.id)).toEqual([message!.id]);
    // Well within the 25 s wait: the NOTIFY woke it, not the timeout.
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(waitingPolls()).toBe(0);
  });

  it("should answer an empty page after the wait when nothing arrives", async () => {
    const endpoint = await pollingEndpoint();
    const started = Date.now();
    const answer = await fetchPage(endpoint.token, { wait: "1" });
    expect(answer.body).toEqual({ data: [], cursor: null });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it("should never let the worker push a polling endpoint's delivery", async () => {
    const endpoint = await pollingEndpoint();
    const pushed = await createTestEndpoint(tenantId, { url: receiver.url("/pushed"), eventTypes: ["order.created"] });
    startTestWorker(databaseUrl());
    const [message] = await publish(7);
    await receiver.waitFor(1, "/pushed");
    await eventually(
      async () =>
        (await db().delivery.findFirst({ where: { endpointId: pushed.id, status: "succeeded" } })) ?? undefined,
      15_000,
      "the pushed delivery",
    );
    await new Promise((resolve) => setTimeout(resolve, 500)); // several claim rounds of the worker
    const delivery = await db().delivery.findFirstOrThrow({
      where: { endpointId: endpoint.id, messageId: message!.id },
    });
    expect(delivery).toMatchObject({ status: "pending", attemptCount: 0, leaseOwner: null, nextAttemptAt: null });
    const page = await fetchPage(endpoint.token);
    expect(page.body.data.map((polled) => polled.id)).toEqual([message!.id]);
  });

  it("should refuse an unknown, malformed or rotated token with 401", async () => {
    const endpoint = await pollingEndpoint();
    for (const token of ["hlpoll_" + "A".repeat(43), "nonsense"]) {
      const answer = await fetchPage(token);
      expect(answer.status).toBe(401);
      expect(answer.body.error!.code).toBe("unauthorized");
    }
    const { pollingToken } = await rotatePollingToken(null, tenantId, endpoint.id);
    expect((await fetchPage(endpoint.token)).status).toBe(401);
    expect((await fetchPage(pollingToken)).status).toBe(200);
  });

  it("should refuse a bad cursor, limit or wait with 422", async () => {
    const endpoint = await pollingEndpoint();
    const queries: Array<Record<string, string>> = [
      { cursor: "abc" },
      { limit: "0" },
      { limit: "101" },
      { wait: "31" },
    ];
    for (const query of queries) {
      const answer = await fetchPage(endpoint.token, query);
      expect(answer.status).toBe(422);
      expect(answer.body.error!.code).toBe("validation_failed");
    }
  });

  it("should create a polling endpoint through the API without a URL, and refuse one with a URL", async () => {
    const key = await createApiKey({ tenantId });
    const created = await callRoute(createEndpointRoute, {
      params: { tenant: tenantId },
      key,
      body: { type: "polling" },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ type: "polling", url: "", pollingToken: expect.stringMatching(/^hlpoll_/) });
    expect(created.headers.get("cache-control")).toBe("no-store");
    const withUrl = await callRoute(createEndpointRoute, {
      params: { tenant: tenantId },
      key,
      body: { type: "polling", url: "https://example.com/hook" },
    });
    expect(withUrl.status).toBe(422);
    const webhookWithoutUrl = await callRoute(createEndpointRoute, { params: { tenant: tenantId }, key, body: {} });
    expect(webhookWithoutUrl.status).toBe(422);
    const row = await db().endpoint.findUniqueOrThrow({ where: { id: (created.body as { id: string }).id } });
    expect(row.pollingTokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain((created.body as { pollingToken: string }).pollingToken);
  });
  it("should refuse the settings only a push uses on a polling endpoint, named field by field, storing nothing", async () => {
    const key = await createApiKey({ tenantId });
    const before = await db().endpoint.count({ where: { tenantId } });
    const refused = await callRoute(createEndpointRoute, {
      params: { tenant: tenantId },
      key,
      body: {
        type: "polling",
        headers: { "X-Team": "payments" },
        timeoutMs: 5_000,
        transformation: { language: "jsonata", expression: "data" },
        proxyUrl: "http://127.0.0.1:3128",
      },
    });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ error: { code: "validation_failed" } });
    expect((refused.body as ErrorBody).error.details).toEqual([
      { path: "headers", message: expect.stringContaining("not used by a polling endpoint") },
      { path: "timeoutMs", message: expect.stringContaining("not used by a polling endpoint") },
      { path: "transformation", message: expect.stringContaining("not used by a polling endpoint") },
      { path: "proxyUrl", message: expect.stringContaining("not used by a polling endpoint") },
    ]);
    expect(await db().endpoint.count({ where: { tenantId } })).toBe(before);

    // "None" values pass: what the dashboard's form sends for a polling endpoint.
    const created = await callRoute(createEndpointRoute, {
      params: { tenant: tenantId },
      key,
      body: { type: "polling", headers: {}, timeoutMs: null, transformation: null, proxyUrl: null },
    });
    expect(created.status).toBe(201);
    const endpoint = (created.body as { id: string }).id;
    const update = (body: Record<string, unknown>) =>
      callRoute(updateEndpointRoute, { params: { tenant: tenantId, endpoint }, key, body, method: "PATCH" });
    const refusedUpdate = await update({ name: "laptop", rateLimit: 10 });
    expect(refusedUpdate.status).toBe(422);
    expect((refusedUpdate.body as ErrorBody).error.details).toEqual([
      { path: "rateLimit", message: expect.stringContaining("not used by a polling endpoint") },
    ]);
    expect((await db().endpoint.findUniqueOrThrow({ where: { id: endpoint } })).name).toBeNull();
    const renamed = await update({ name: "laptop", rateLimit: null, url: "" });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: "laptop", type: "polling" });
  });
});
