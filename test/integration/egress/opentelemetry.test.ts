// OpenTelemetry end to end, with an in-process OTLP/HTTP collector (a loopback server decoding
// the JSON export): one publish that carries a traceparent gives a publish span continuing it,
// a fan-out span and a deliver span per try, all in the publisher's trace, and the receiver sees
// a traceparent of that trace whose parent is the deliver span. Web and worker roles run in this
// one process here (the route handler and an in-process worker), so they share one service name.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as publishRoute } from "@/app/api/v1/tenants/[tenant]/messages/route";
import { startTracing, stopTracing, tracing, tracingConfigured } from "@/lib/tracing/tracing";
import { callRoute } from "../../helpers/api";
import { useTestDatabase } from "../../helpers/database";
import { createApiKey, createTenant, createTestEndpoint, createTestEventType } from "../../helpers/fixtures";
import { startReceiver, type Receiver } from "../../helpers/receiver";
import { eventually, startTestWorker } from "../../helpers/worker";

interface ExportedSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  attributes: Array<{ key: string; value: { stringValue?: string; intValue?: string | number } }>;
}

const TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
const PUBLISHER_SPAN = "00f067aa0ba902b7";
const OTEL_VARS = [
  "OTEL_EXPORTER_OTLP_ENDPOINT",
  "OTEL_EXPORTER_OTLP_PROTOCOL",
  "OTEL_BSP_SCHEDULE_DELAY",
  "OTEL_METRICS_EXPORTER",
  "OTEL_LOGS_EXPORTER",
  "OTEL_SERVICE_NAME",
];

describe("OpenTelemetry traces", () => {
  const databaseUrl = useTestDatabase();
  const spans: Array<ExportedSpan & { service: string }> = [];
  let collector: http.Server;
  let receiver: Receiver;
  let tenantId: string;
  let key: string;

  beforeAll(async () => {
    collector = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        if (request.url === "/v1/traces") {
          const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as {
            resourceSpans: Array<{
              resource: { attributes: Array<{ key: string; value: { stringValue?: string } }> };
              scopeSpans: Array<{ spans: ExportedSpan[] }>;
            }>;
          };
          for (const resource of body.resourceSpans) {
            const service =
              resource.resource.attributes.find((attribute) => attribute.key === "service.name")?.value.stringValue ??
              "";
            for (const scope of resource.scopeSpans) for (const span of scope.spans) spans.push({ ...span, service });
          }
        }
        response.writeHead(200, { "content-type": "application/json" });
        response.end("{}");
      });
    });
    await new Promise<void>((resolve) => collector.listen(0, "127.0.0.1", resolve));
    Object.assign(process.env, {
      OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${(collector.address() as AddressInfo).port}`,
      OTEL_EXPORTER_OTLP_PROTOCOL: "http/json",
      OTEL_BSP_SCHEDULE_DELAY: "50",
      OTEL_METRICS_EXPORTER: "none",
      OTEL_LOGS_EXPORTER: "none",
    });
    expect(await startTracing("hookline-test")).toBe(true);
    receiver = await startReceiver();
    tenantId = await createTenant();
    key = await createApiKey({ tenantId, role: "admin" });
    await createTestEventType({ name: "traced.event" });
    await createTestEndpoint(tenantId, { url: receiver.url("/traced"), eventTypes: ["traced.event"] });
  });
  afterAll(async () => {
    await stopTracing();
    for (const name of OTEL_VARS) delete process.env[name];
    await receiver.close();
    await new Promise<void>((resolve) => collector.close(() => resolve()));
  });

  const attribute = (span: ExportedSpan, name: string) => {
    const value = span.attributes.find((entry) => entry.key === name)?.value;
    return value?.stringValue ?? (value?.intValue !== undefined ? Number(value.intValue) : undefined);
  };

  it("should put the publish, its fan-out and each try in the publisher's trace, and send it to the receiver", async () => {
    startTestWorker(databaseUrl());
    const response = await callRoute(publishRoute, {
      params: { tenant: tenantId },
      key,
      headers: { traceparent: `00-${TRACE_ID}-${PUBLISHER_SPAN}-01` },
      body: { eventType: "traced.event", payload: { n: 1 } },
    });
    expect(response.status).toBe(202);
    const [received] = await receiver.waitFor(1, "/traced");
    const [, receivedTrace, receivedParent] = received!.headers.traceparent!.split("-");
    expect(receivedTrace).toBe(TRACE_ID);

    const named = (name: string) => spans.find((span) => span.name === name && span.traceId === TRACE_ID);
    const [publish, fanOut, deliver] = await eventually(
      () => {
        const found = [named("publish"), named("fan-out"), named("deliver")];
        return found.every(Boolean) ? (found as ExportedSpan[]) : undefined;
      },
      15_000,
      "the three spans at the collector",
    );
    expect(publish!.parentSpanId).toBe(PUBLISHER_SPAN);
    expect(fanOut!.parentSpanId).toBe(publish!.spanId);
    expect(deliver!.parentSpanId).toBe(publish!.spanId);
    expect(receivedParent).toBe(deliver!.spanId);
    expect(spans.every((span) => span.service === "hookline-test")).toBe(true);
    expect(attribute(deliver!, "http.request.method")).toBe("POST");
    expect(attribute(deliver!, "url.full")).toBe(receiver.url("/traced"));
    expect(attribute(deliver!, "http.response.status_code")).toBe(204);
    expect(attribute(deliver!, "hookline.attempt.number")).toBe(1);
    expect(attribute(deliver!, "hookline.tenant.id")).toBe(tenantId);
    expect(String(attribute(deliver!, "hookline.endpoint.id"))).toMatch(/^ep_/);
  });

  it.each([
    { env: {}, expected: false },
    { env: { OTEL_EXPORTER_OTLP_ENDPOINT: "http://127.0.0.1:4318" }, expected: true },
    { env: { OTEL_TRACES_EXPORTER: "otlp" }, expected: true },
    { env: { OTEL_TRACES_EXPORTER: "none", OTEL_EXPORTER_OTLP_ENDPOINT: "http://127.0.0.1:4318" }, expected: false },
  ])("should be configured by $env: $expected", ({ env, expected }) => {
    expect(tracingConfigured(env)).toBe(expected);
  });

  it("should turn the hot path's one boolean off when stopped", async () => {
    expect(tracing().on).toBe(true);
    await stopTracing();
    expect(tracing()).toMatchObject({ on: false, tracer: null });
  });
});
