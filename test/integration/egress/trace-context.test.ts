// W3C trace context end to end: the publisher's traceparent/tracestate is stored with the message
// (single and batch publish) and sent on every try, so the receiver's trace joins the
// publisher's; an endpoint with traceContext: false gets none; an invalid header is ignored.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as batchRoute } from "@/app/api/v1/tenants/[tenant]/messages/batch/route";
import { POST as publishRoute } from "@/app/api/v1/tenants/[tenant]/messages/route";
import { db } from "@/lib/db";
import { parseTraceContext } from "@/lib/tracing/trace-context";
import { callRoute } from "../../helpers/api";
import { useTestDatabase } from "../../helpers/database";
import { createApiKey, createTenant, createTestEndpoint, createTestEventType } from "../../helpers/fixtures";
import { startReceiver, type Receiver } from "../../helpers/receiver";
import { eventually, startTestWorker } from "../../helpers/worker";

const TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

describe("trace context propagation", () => {
  const databaseUrl = useTestDatabase();
  let receiver: Receiver;
  let tenantId: string;
  let key: string;

  beforeAll(async () => {
    receiver = await startReceiver();
    tenantId = await createTenant();
    key = await createApiKey({ tenantId, role: "admin" });
    await createTestEventType({ name: "trace.test" });
    await createTestEndpoint(tenantId, { url: receiver.url("/traced"), eventTypes: ["trace.test"] });
    await createTestEndpoint(tenantId, {
      url: receiver.url("/untraced"),
      eventTypes: ["trace.test"],
      traceContext: false,
    });
    startTestWorker(databaseUrl());
  });
  afterAll(() => receiver.close());

  it("should store the publisher's traceparent and send it, with tracestate, on the try", async () => {
    const response = await callRoute(publishRoute, {
      params: { tenant: tenantId },
      key,
      headers: { traceparent: TRACEPARENT, tracestate: "vendor=abc" },
      body: { eventType: "trace.test", payload: { n: 1 } },
    });
    expect(response.status).toBe(202);
    const { id } = response.body as { id: string };
    expect(await db().message.findUniqueOrThrow({ where: { id } })).toMatchObject({
      traceparent: TRACEPARENT,
      tracestate: "vendor=abc",
    });
    const [traced] = await receiver.waitFor(1, "/traced");
    expect(traced!.headers).toMatchObject({ traceparent: TRACEPARENT, tracestate: "vendor=abc" });
    const [untraced] = await receiver.waitFor(1, "/untraced");
    expect(untraced!.headers.traceparent).toBeUndefined();
    const attempt = await eventually(() =>
      db()
        .attempt.findFirst({ where: { messageId: id, url: receiver.url("/traced") } })
        .then((row) => row ?? undefined),
    );
    expect(attempt.requestHeaders).toMatchObject({ traceparent: TRACEPARENT });
  });

  it("should carry the batch's traceparent on every message of it, and ignore an invalid one", async () => {
    const batch = await callRoute(batchRoute, {
      params: { tenant: tenantId },
      key,
      headers: { traceparent: TRACEPARENT },
      body: {
        messages: [
          { eventType: "trace.test", payload: { n: 2 } },
          { eventType: "trace.test", payload: { n: 3 } },
        ],
      },
    });
    expect(batch.status).toBe(202);
    const ids = (batch.body as { data: Array<{ id: string }> }).data.map((message) => message.id);
    const stored = await db().message.findMany({ where: { id: { in: ids } } });
    expect(stored.map((message) => message.traceparent)).toEqual([TRACEPARENT, TRACEPARENT]);

    const invalid = await callRoute(publishRoute, {
      params: { tenant: tenantId },
      key,
      headers: { traceparent: "00-00000000000000000000000000000000-00f067aa0ba902b7-01" },
      body: { eventType: "trace.test", payload: { n: 4 } },
    });
    expect(invalid.status).toBe(202);
    const message = await db().message.findUniqueOrThrow({ where: { id: (invalid.body as { id: string }).id } });
    expect(message.traceparent).toBeNull();
  });

  it.each([
    { traceparent: TRACEPARENT, expected: TRACEPARENT },
    { traceparent: ` ${TRACEPARENT} `, expected: TRACEPARENT },
    { traceparent: "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", expected: null },
    { traceparent: "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01", expected: null },
    { traceparent: "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01", expected: null },
    { traceparent: "garbage", expected: null },
  ])("should read $traceparent as $expected", ({ traceparent, expected }) => {
    expect(parseTraceContext(traceparent, null)?.traceparent ?? null).toBe(expected);
  });
});
