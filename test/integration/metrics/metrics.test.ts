// Both processes' /metrics, scraped and parsed as Prometheus text format.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as metricsRoute } from "@/app/metrics/route";
import { POST as publish } from "@/app/api/v1/tenants/[tenant]/messages/route";
import { POST as playground } from "@/app/api/playground/[mode]/[endpoint]/route";
import { GET as getMessage } from "@/app/api/v1/tenants/[tenant]/messages/[message]/route";
import { newId } from "@/lib/ids";
import { reloadEnv } from "@/lib/env";
import { freePort } from "@/server/ports";
import { callRoute } from "../../helpers/api";
import { useTestDatabase } from "../../helpers/database";
import { createApiKey, createTenant, createTestEndpoint, createTestEventType } from "../../helpers/fixtures";
import { startReceiver, type Receiver } from "../../helpers/receiver";
import { parseExposition } from "../../helpers/prometheus";
import { eventually } from "../../helpers/worker";
import { spawnWorker } from "../../helpers/worker-process";

describe("/metrics", () => {
  const databaseUrl = useTestDatabase();
  let receiver: Receiver;
  let tenantId: string;
  let key: string;

  beforeAll(async () => {
    receiver = await startReceiver();
    tenantId = await createTenant();
    key = await createApiKey({ tenantId, role: "admin" });
    await createTestEventType({ name: "metrics.test", schema: { type: "object", required: ["n"] } });
    await createTestEndpoint(tenantId, { url: receiver.url("/metrics-receiver"), eventTypes: ["metrics.test"] });
  });
  afterAll(async () => {
    await receiver.close();
    delete process.env.HOOKLINE_METRICS_TOKEN;
    reloadEnv();
  });

  it("should report the web process's requests and publishes by outcome", async () => {
    const send = (body: unknown, headers: Record<string, string> = {}) =>
      callRoute(publish, {
        params: { tenant: tenantId },
        key,
        body,
        headers,
        path: `/api/v1/tenants/${tenantId}/messages`,
      });
    expect((await send({ eventType: "metrics.test", payload: { n: 1 } }, { "idempotency-key": "m-1" })).status).toBe(
      202,
    );
    expect((await send({ eventType: "metrics.test", payload: { n: 1 } }, { "idempotency-key": "m-1" })).status).toBe(
      200,
    );
    expect((await send({ eventType: "metrics.test", payload: {} })).status).toBe(422);

    const response = await metricsRoute(new Request("http://hookline.test/metrics"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/plain");
    const metrics = parseExposition(await response.text());
    expect(metrics.value("hookline_publishes_total", { outcome: "accepted" })).toBe(1);
    expect(metrics.value("hookline_publishes_total", { outcome: "duplicate" })).toBe(1);
    expect(metrics.value("hookline_publishes_total", { outcome: "rejected" })).toBe(1);
    expect(metrics.types.get("hookline_http_request_duration_seconds")).toBe("histogram");
    expect(
      metrics.value("hookline_http_request_duration_seconds_count", {
        route: "/api/v1/tenants/:tenant/messages",
        method: "POST",
        status: "202",
      }),
    ).toBe(1);
    expect(
      metrics.value("hookline_http_request_duration_seconds_count", {
        route: "/api/v1/tenants/:tenant/messages",
        method: "POST",
        status: "422",
      }),
    ).toBe(1);
    expect(metrics.value("process_cpu_user_seconds_total")).toBeGreaterThan(0);
  });

  it("should label requests by route pattern, never by the ids or garbage in the path", async () => {
    // Playground receivers, each at its own endpoint id (unsigned: answered 401, still counted).
    const endpointIds = [newId("endpoint"), newId("endpoint"), "not-an-id", "%E2%9C%93"];
    for (const endpoint of endpointIds) {
      await callRoute(playground, {
        params: { mode: "ok", endpoint: decodeURIComponent(endpoint) },
        rawBody: "{}",
        headers: { "content-type": "application/json" },
        path: `/api/playground/ok/${endpoint}`,
      });
    }
    for (const message of [newId("message"), "msg_garbage"]) {
      await callRoute(getMessage, {
        params: { tenant: tenantId, message },
        key,
        path: `/api/v1/tenants/${tenantId}/messages/${message}`,
      });
    }
    const response = await metricsRoute(new Request("http://hookline.test/metrics"));
    const routes = new Set(
      parseExposition(await response.text())
        .samples.filter((sample) => sample.name === "hookline_http_request_duration_seconds_count")
        .map((sample) => sample.labels.route),
    );
    expect([...routes].sort()).toEqual([
      "/api/playground/:mode/:endpoint",
      "/api/v1/tenants/:tenant/messages",
      "/api/v1/tenants/:tenant/messages/:message",
    ]);
  });

  it("should require the bearer token when one is configured", async () => {
    process.env.HOOKLINE_METRICS_TOKEN = "metrics-token-123";
    reloadEnv();
    expect((await metricsRoute(new Request("http://hookline.test/metrics"))).status).toBe(401);
    expect(
      (
        await metricsRoute(
          new Request("http://hookline.test/metrics", { headers: { authorization: "Bearer wrong-token-1" } }),
        )
      ).status,
    ).toBe(401);
    expect(
      (
        await metricsRoute(
          new Request("http://hookline.test/metrics", { headers: { authorization: "Bearer metrics-token-123" } }),
        )
      ).status,
    ).toBe(200);
  });

  it("should report the worker's deliveries, durations, queue and process metrics on its own port", async () => {
    const port = await freePort();
    await spawnWorker(databaseUrl(), {
      HOOKLINE_WORKER_METRICS_PORT: String(port),
      HOOKLINE_METRICS_TOKEN: "worker-token-1",
    });
    for (let n = 0; n < 5; n++)
      await callRoute(publish, {
        params: { tenant: tenantId },
        key,
        body: { eventType: "metrics.test", payload: { n } },
      });
    await receiver.waitFor(6, "/metrics-receiver");
    const scrape = async () => {
      const response = await fetch(`http://127.0.0.1:${port}/metrics`, {
        headers: { authorization: "Bearer worker-token-1" },
      });
      expect(response.status).toBe(200);
      return parseExposition(await response.text());
    };
    const metrics = await eventually(
      async () => {
        const current = await scrape();
        return current.value("hookline_deliveries_total", { outcome: "succeeded" }) === 6 ? current : undefined;
      },
      10_000,
      "six successful deliveries in the worker's metrics",
    );
    expect(metrics.value("hookline_attempt_duration_seconds_count")).toBe(6);
    expect(metrics.value("hookline_attempt_duration_seconds_bucket", { le: "+Inf" })).toBe(6);
    expect(metrics.value("hookline_queue_depth", { status: "pending" })).toBe(0);
    expect(metrics.value("hookline_queue_depth", { status: "sending" })).toBeGreaterThanOrEqual(0);
    expect(metrics.value("hookline_oldest_due_pending_seconds")).toBe(0);
    expect(metrics.value("hookline_deliveries_in_flight")).toBe(0);
    expect(metrics.types.get("hookline_claim_batch_size")).toBe("histogram");
    expect(metrics.value("hookline_claim_batch_size_count")).toBeGreaterThanOrEqual(1);
    expect(metrics.value("hookline_lease_recoveries_total")).toBe(0);
    expect(metrics.value("hookline_rate_limited_waits_total")).toBe(0);
    expect(metrics.value("nodejs_heap_size_used_bytes")).toBeGreaterThan(0);
    expect((await fetch(`http://127.0.0.1:${port}/metrics`)).status).toBe(401);
  });
});
