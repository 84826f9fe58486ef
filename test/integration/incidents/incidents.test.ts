// Incidents per endpoint and cause, written by the recording transaction of a real worker
// sending to a real receiver: one opens on the first failure of its cause, resolves after
// HOOKLINE_INCIDENT_RESOLVE_AFTER successes in a row, reopens (the same incident) when the
// cause returns; resolving by hand through the API; incident.* operational webhooks.
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listRoute } from "@/app/api/v1/tenants/[tenant]/incidents/route";
import { POST as resolveRoute } from "@/app/api/v1/tenants/[tenant]/incidents/[incident]/resolve/route";
import { db } from "@/lib/db";
import { publishMessages } from "@/lib/messages/publish-messages";
import { setOperationsEndpoint } from "@/lib/operational-webhooks/operations-endpoint";
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

interface Listed {
  data: Array<Record<string, unknown> & { id: string; status: string; cause: string; endpointId: string }>;
  nextCursor: string | null;
}

describe("incidents", () => {
  const databaseUrl = useTestDatabase();
  let receiver: Receiver;
  let tenantId: string;
  let adminKey: string;
  let viewerKey: string;
  let opsSecret: string;
  let counter = 0;

  beforeAll(async () => {
    receiver = await startReceiver();
    tenantId = await createTenant("Incidents");
    adminKey = await createApiKey({ tenantId, role: "admin" });
    viewerKey = await createApiKey({ tenantId, role: "viewer" });
    const ops = await setOperationsEndpoint({ url: receiver.url("/ops") });
    opsSecret = await endpointSecret(ops.id);
    await createTestEventType({ name: "order.case" });
  });
  afterAll(() => receiver.close());

  const opsEvents = (type: string, incidentId: string) =>
    receiver
      .at("/ops")
      .map((request) => {
        new Webhook(opsSecret).verify(request.body, request.headers);
        return JSON.parse(request.body) as { type: string; data: Record<string, unknown> };
      })
      .filter((body) => body.type === type && body.data.incidentId === incidentId);

  async function endpointAnswering(status: { current: number }) {
    const path = `/receiver-${++counter}`;
    receiver.on(path, () => ({ status: status.current }));
    return createTestEndpoint(tenantId, { url: receiver.url(path), eventTypes: ["order.case"] });
  }

  const incidentOf = (endpointId: string, cause: string) =>
    db().incident.findUnique({ where: { endpointId_cause: { endpointId, cause } } });

  const publish = (count: number) =>
    publishMessages(
      tenantId,
      Array.from({ length: count }, (_, index) => ({ eventType: "order.case", payload: { index } })),
    );

  /** Waits until every delivery of the endpoint has settled (succeeded or failed). */
  const settled = (endpointId: string) =>
    eventually(
      async () =>
        (await db().delivery.count({ where: { endpointId, status: { in: ["pending", "sending"] } } })) === 0
          ? true
          : undefined,
      20_000,
      "deliveries to settle",
    );

  it("should open on the first failure, resolve after 3 successes in a row, and reopen when the cause returns", async () => {
    const answer = { current: 503 };
    const endpoint = await endpointAnswering(answer);
    startTestWorker(databaseUrl(), { schedule: [30, 30] });

    await publish(2);
    await settled(endpoint.id);
    const opened = await incidentOf(endpoint.id, "http_5xx");
    expect(opened).toMatchObject({
      tenantId,
      kind: "failure",
      status: "open",
      failedAttempts: 6, // 2 messages × (first try + 2 retries)
      affectedMessages: 2,
      reopenCount: 0,
      sampleStatus: 503,
    });
    expect(opened!.sampleAttemptId).toMatch(/^att_/);
    expect(await db().attempt.count({ where: { id: opened!.sampleAttemptId! } })).toBe(1);
    expect(opened!.firstSeenAt.getTime()).toBeLessThanOrEqual(opened!.lastSeenAt.getTime());

    answer.current = 200;
    await publish(2);
    await settled(endpoint.id);
    expect(await incidentOf(endpoint.id, "http_5xx")).toMatchObject({ status: "open", consecutiveSuccesses: 2 });
    await publish(1);
    await settled(endpoint.id);
    const resolved = await incidentOf(endpoint.id, "http_5xx");
    expect(resolved).toMatchObject({ status: "resolved", resolvedBy: "auto", failedAttempts: 6 });

    answer.current = 500;
    await publish(1);
    await settled(endpoint.id);
    const reopened = await incidentOf(endpoint.id, "http_5xx");
    expect(reopened).toMatchObject({
      id: opened!.id,
      status: "open",
      reopenCount: 1,
      failedAttempts: 9,
      affectedMessages: 3,
      resolvedAt: null,
    });
    expect(reopened!.openedAt.getTime()).toBeGreaterThan(opened!.openedAt.getTime());
    expect(reopened!.firstSeenAt).toEqual(opened!.firstSeenAt);

    // The operator heard all three changes, signed like any webhook.
    await eventually(() => (opsEvents("incident.opened", opened!.id).length === 2 ? true : undefined));
    const openings = opsEvents("incident.opened", opened!.id).map((event) => event.data.reopened);
    expect(openings.sort()).toEqual([false, true]);
    await eventually(() => (opsEvents("incident.resolved", opened!.id).length === 1 ? true : undefined));
    expect(opsEvents("incident.resolved", opened!.id)[0]!.data).toMatchObject({
      tenantId,
      endpointId: endpoint.id,
      cause: "http_5xx",
      resolvedBy: "auto",
      failedAttempts: 6,
    });
  });

  it("should group by cause: a 4xx is its own incident, and breaks the 5xx incident's run of successes", async () => {
    const answer = { current: 502 };
    const endpoint = await endpointAnswering(answer);
    startTestWorker(databaseUrl(), { schedule: [] });
    await publish(1);
    await settled(endpoint.id);
    answer.current = 200;
    await publish(2);
    await settled(endpoint.id);
    answer.current = 404;
    await publish(1);
    await settled(endpoint.id);
    answer.current = 200;
    await publish(2);
    await settled(endpoint.id);
    expect(await incidentOf(endpoint.id, "http_5xx")).toMatchObject({ status: "open", consecutiveSuccesses: 2 });
    expect(await incidentOf(endpoint.id, "http_4xx")).toMatchObject({
      status: "open",
      failedAttempts: 1,
      sampleStatus: 404,
    });
  });

  it("should list and resolve by hand through the API, audited, with errors for bad input", async () => {
    const answer = { current: 503 };
    const endpoint = await endpointAnswering(answer);
    startTestWorker(databaseUrl(), { schedule: [] });
    await publish(1);
    await settled(endpoint.id);
    const incident = await incidentOf(endpoint.id, "http_5xx");

    const open = await callRoute(listRoute, {
      params: { tenant: tenantId },
      key: viewerKey,
      query: { status: "open" },
    });
    expect(open.status).toBe(200);
    const listed = (open.body as Listed).data.find((row) => row.id === incident!.id);
    expect(listed).toMatchObject({
      endpointId: endpoint.id,
      cause: "http_5xx",
      status: "open",
      failedAttempts: 1,
      affectedMessages: 1,
      firstSeenAt: incident!.firstSeenAt.toISOString(),
      lastSeenAt: incident!.lastSeenAt.toISOString(),
      sampleAttempt: { id: incident!.sampleAttemptId, responseStatus: 503 },
    });

    const at = { tenant: tenantId, incident: incident!.id };
    const byViewer = await callRoute(resolveRoute, { params: at, key: viewerKey, method: "POST" });
    expect(byViewer.status).toBe(403);

    const resolved = await callRoute(resolveRoute, { params: at, key: adminKey, method: "POST" });
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ id: incident!.id, status: "resolved", resolvedBy: expect.any(String) });
    const audit = await db().auditEvent.findMany({ where: { tenantId, action: "incident.resolved" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ targetType: "incident", targetId: incident!.id, actorKind: "api_key" });

    const again = await callRoute(resolveRoute, { params: at, key: adminKey, method: "POST" });
    expect(again).toMatchObject({ status: 409, body: { error: { code: "incident_not_open" } } });

    const resolvedList = await callRoute(listRoute, {
      params: { tenant: tenantId },
      key: viewerKey,
      query: { status: "resolved", endpointId: endpoint.id },
    });
    expect((resolvedList.body as Listed).data.map((row) => row.id)).toEqual([incident!.id]);

    const cases: Array<{ query: Record<string, string>; status: number; code: string }> = [
      { query: { status: "closed" }, status: 422, code: "validation_failed" },
      { query: { endpointId: "nope" }, status: 422, code: "validation_failed" },
      { query: { limit: "0" }, status: 422, code: "validation_failed" },
    ];
    for (const bad of cases) {
      const response = await callRoute(listRoute, { params: { tenant: tenantId }, key: viewerKey, query: bad.query });
      expect({ query: bad.query, status: response.status }).toEqual({ query: bad.query, status: bad.status });
      expect(response.body).toMatchObject({ error: { code: bad.code } });
    }
    const malformed = await callRoute(resolveRoute, {
      params: { tenant: tenantId, incident: "inc_nope" },
      key: adminKey,
      method: "POST",
    });
    expect(malformed).toMatchObject({ status: 404, body: { error: { code: "not_found" } } });

    // Another tenant's key sees nothing of it.
    const stranger = await createApiKey({ tenantId: await createTenant("Other"), role: "admin" });
    const foreign = await callRoute(resolveRoute, { params: at, key: stranger, method: "POST" });
    expect(foreign.status).toBe(404);
  });
});
