// Endpoint transformations end to end: a real worker, a real receiver on 127.0.0.1 that verifies
// the signature with the unmodified standardwebhooks library, the attempt record, the skipped
// state, and the bounds (a throwing, a looping, an oversized transformation), plus the checks
// at save and the preview operation.
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { updateEventType } from "@/lib/event-types";
import { publishMessages } from "@/lib/messages/publish-messages";
import * as catalog from "@/lib/openapi/endpoints";
import {
  createApiKey,
  createTenant,
  createTestEndpoint,
  createTestEventType,
  endpointSecret,
} from "../../helpers/fixtures";
import { useTestDatabase } from "../../helpers/database";
import { callOperation } from "../../helpers/route-modules";
import { startReceiver, type Receiver } from "../../helpers/receiver";
import { eventually, startTestWorker } from "../../helpers/worker";

const LOOP = "( $loop := function($n) { $n > 0 ? $loop($n) : 0 }; $loop(1) )";

describe("transformations", () => {
  const databaseUrl = useTestDatabase();
  let receiver: Receiver;
  let tenantId: string;
  let key: string;

  beforeAll(async () => {
    receiver = await startReceiver();
    tenantId = await createTenant();
    key = await createApiKey({ tenantId, role: "admin" });
    await createTestEventType({ name: "invoice.paid" });
  });
  afterAll(() => receiver.close());

  async function endpointWith(path: string, expression: string | null, headers?: Record<string, string>) {
    return createTestEndpoint(tenantId, {
      url: receiver.url(path),
      transformation: expression === null ? null : { language: "jsonata", expression, headers },
    });
  }

  async function publish(payload: Record<string, unknown>) {
    const [message] = await publishMessages(tenantId, [{ eventType: "invoice.paid", payload }]);
    return message!;
  }

  async function settled(messageId: string, endpointId: string) {
    return eventually(
      async () => {
        const row = await db().delivery.findFirstOrThrow({
          where: { messageId, endpointId },
        });
        return ["succeeded", "failed", "skipped"].includes(row.status) ? row : undefined;
      },
      20_000,
      "the delivery to settle",
    );
  }

  const attemptsOf = (messageId: string, endpointId: string) =>
    db().attempt.findMany({ where: { messageId, endpointId }, orderBy: { number: "asc" } });

  it("sends the transformed body and headers, signed as sent, and records the body", async () => {
    const endpoint = await endpointWith(
      "/slack",
      '{"text": "Invoice " & data.id & " paid: " & $string(data.amount / 100) & " " & data.currency, "kind": type}',
      { "X-Invoice": "data.id", "X-Amount-Cents": "data.amount", "X-Missing": "data.nothing" },
    );
    startTestWorker(databaseUrl());
    const message = await publish({ id: "inv_7", amount: 4200, currency: "EUR" });
    const [request] = await receiver.waitFor(1, "/slack");
    const expected = { text: "Invoice inv_7 paid: 42 EUR", kind: "invoice.paid" };
    expect(JSON.parse(request!.body)).toEqual(expected);
    expect(request!.headers["x-invoice"]).toBe("inv_7");
    expect(request!.headers["x-amount-cents"]).toBe("4200");
    expect(request!.headers).not.toHaveProperty("x-missing");
    expect(request!.headers["webhook-id"]).toBe(message.id);
    expect(request!.headers["content-type"]).toBe("application/json");
    const secret = await endpointSecret(endpoint.id);
    expect(new Webhook(secret).verify(request!.body, request!.headers)).toEqual(expected);

    expect((await settled(message.id, endpoint.id)).status).toBe("succeeded");
    const [attempt] = await attemptsOf(message.id, endpoint.id);
    expect(attempt!.requestBody).toBe(request!.body);
    expect(attempt!.requestHeaders).toMatchObject({ "x-invoice": "inv_7" });
  });

  it("reads the message's channels and tags beside the envelope", async () => {
    const endpoint = await endpointWith("/labels", '{"id": data.id, "channels": channels, "tags": tags}');
    startTestWorker(databaseUrl());
    const [labelled] = await publishMessages(tenantId, [
      { eventType: "invoice.paid", payload: { id: "inv_l" }, channels: ["eu"], tags: ["vip", "q4"] },
    ]);
    const plain = await publish({ id: "inv_p" });
    await settled(labelled!.id, endpoint.id);
    await settled(plain.id, endpoint.id);
    const bodies = receiver.at("/labels").map((request) => JSON.parse(request.body) as unknown);
    expect(bodies).toContainEqual({ id: "inv_l", channels: ["eu"], tags: ["vip", "q4"] });
    expect(bodies).toContainEqual({ id: "inv_p" });
  });

  it("skips a message the transformation gives no result for: nothing sent, not failed", async () => {
    const endpoint = await endpointWith("/big-only", "data.amount >= 100000 ? data : undefined");
    startTestWorker(databaseUrl());
    const small = await publish({ id: "inv_small", amount: 500 });
    const big = await publish({ id: "inv_big", amount: 250_000 });
    const skipped = await settled(small.id, endpoint.id);
    expect(skipped).toMatchObject({ status: "skipped", attemptCount: 0, nextAttemptAt: null, leaseOwner: null });
    expect(skipped.lastError).toMatch(/no result/);
    expect(await attemptsOf(small.id, endpoint.id)).toEqual([]);
    expect((await settled(big.id, endpoint.id)).status).toBe("succeeded");
    expect(receiver.at("/big-only").map((request) => JSON.parse(request.body).id)).toEqual(["inv_big"]);
    const row = await db().endpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    expect(row.failingSince).toBeNull();
  });

  it("fails a throwing transformation once, without retry, raising the endpoint's failure state", async () => {
    const endpoint = await endpointWith("/throws", 'data.amount < 0 ? $error("negative amount") : data');
    startTestWorker(databaseUrl(), { schedule: [100, 100, 100] });
    const message = await publish({ id: "inv_neg", amount: -1 });
    const failed = await settled(message.id, endpoint.id);
    expect(failed).toMatchObject({ status: "failed", attemptCount: 1 });
    expect(failed.lastError).toMatch(/transformation.*not retried/);
    const [attempt] = await attemptsOf(message.id, endpoint.id);
    expect(attempt).toMatchObject({ errorKind: "transformation", responseStatus: null, requestBody: null });
    expect(attempt!.errorMessage).toContain("negative amount");
    expect(receiver.at("/throws")).toEqual([]);
    const row = await db().endpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    expect(row.failingSince).not.toBeNull();
    expect(row.failuresSinceSuccess).toBe(1);
  });

  it("stops a looping transformation within its bound, while the message's other deliveries go out", async () => {
    const looping = await endpointWith("/loops", LOOP);
    const plain = await endpointWith("/plain", null);
    startTestWorker(databaseUrl());
    const message = await publish({ id: "inv_loop", amount: 1 });
    const failed = await settled(message.id, looping.id);
    expect(failed.status).toBe("failed");
    const [attempt] = await attemptsOf(message.id, looping.id);
    expect(attempt!.errorKind).toBe("transformation");
    expect(attempt!.errorMessage).toMatch(/50 ms|timeout/i);
    // Measured by the worker around the evaluation: bounded (50 ms, plus a loaded machine's slack).
    expect(attempt!.durationMs).toBeLessThan(2_000);
    expect((await settled(message.id, plain.id)).status).toBe("succeeded");
    expect(receiver.at("/loops")).toEqual([]);
  });

  it("fails a result over the payload limit", async () => {
    const endpoint = await endpointWith("/huge", '$pad("", 300000, "x")');
    startTestWorker(databaseUrl());
    const message = await publish({ id: "inv_huge", amount: 1 });
    expect((await settled(message.id, endpoint.id)).status).toBe("failed");
    const [attempt] = await attemptsOf(message.id, endpoint.id);
    expect(attempt!.errorKind).toBe("transformation");
    expect(attempt!.errorMessage).toMatch(/payload limit/);
    expect(receiver.at("/huge")).toEqual([]);
  });

  it("refuses at save a syntax error (with its position), a reserved header and an unsafe pattern", async () => {
    const create = (transformation: unknown) =>
      callOperation(catalog.createEndpoint, {
        key,
        params: { tenant: tenantId },
        body: { url: receiver.url("/never"), transformation },
      });
    const syntax = await create({ language: "jsonata", expression: '{"a": data.id' });
    expect(syntax.status).toBe(422);
    expect(syntax.body).toMatchObject({
      error: {
        code: "validation_failed",
        details: [{ path: "transformation.expression", position: 13, message: expect.stringContaining("position 13") }],
      },
    });
    const header = await create({ language: "jsonata", expression: "data", headers: { "Webhook-Id": "data.id" } });
    expect(header.status).toBe(422);
    expect(header.body).toMatchObject({ error: { details: [{ path: "transformation.headers.Webhook-Id" }] } });
    const badHeader = await create({ language: "jsonata", expression: "data", headers: { "X-A": "data.(" } });
    expect(badHeader.body).toMatchObject({ error: { details: [{ path: "transformation.headers.X-A" }] } });
    const unsafe = await create({ language: "jsonata", expression: "$match(data.id, /(a+)+$/)" });
    expect(unsafe.status).toBe(422);
    expect(await db().endpoint.count({ where: { url: receiver.url("/never") } })).toBe(0);

    const saved = await create({ language: "jsonata", expression: "data" });
    expect(saved.status).toBe(201);
    const endpointId = (saved.body as { id: string }).id;
    const cleared = await callOperation(catalog.updateEndpoint, {
      key,
      params: { tenant: tenantId, endpoint: endpointId },
      body: { transformation: null },
    });
    expect(cleared.body).toMatchObject({ transformation: null });
  });

  it("previews with the same code and bounds, on an input or on the examples and recent messages", async () => {
    const preview = (expression: string, options: { headers?: Record<string, string>; sample?: boolean } = {}) =>
      callOperation(catalog.previewTransformation, {
        key,
        params: { tenant: tenantId },
        body: {
          transformation: { language: "jsonata", expression, headers: options.headers },
          ...(options.sample === false
            ? { eventTypes: ["invoice.paid"] }
            : {
                input: {
                  type: "invoice.paid",
                  timestamp: "2026-12-07T06:00:00.000Z",
                  data: { id: "inv_1", amount: 5 },
                },
              }),
        },
      });
    expect((await preview('{"id": data.id, "at": timestamp}', { headers: { "X-Type": "type" } })).body).toMatchObject({
      compileError: null,
      results: [
        {
          source: "input",
          outcome: "body",
          body: '{"id":"inv_1","at":"2026-12-07T06:00:00.000Z"}',
          headers: { "X-Type": "invoice.paid" },
          error: null,
        },
      ],
    });
    expect((await preview("data.nothing")).body).toMatchObject({ results: [{ outcome: "skipped", body: null }] });
    expect((await preview("data.id &")).body).toMatchObject({
      compileError: { path: "expression", position: expect.any(Number) },
      results: [],
    });
    const looped = await preview(LOOP);
    expect(looped.status).toBe(200);
    expect(looped.body).toMatchObject({
      results: [{ outcome: "error", error: { message: expect.stringMatching(/50 ms/) } }],
    });

    await updateEventType("invoice.paid", { example: { id: "inv_example", amount: 1 } });
    const samples = (await preview("data.id", { sample: false })).body as {
      results: Array<{ source: string; eventType: string; body: string | null; messageId: string | null }>;
    };
    expect(samples.results[0]).toMatchObject({ source: "example", eventType: "invoice.paid", body: '"inv_example"' });
    const recent = samples.results.filter((result) => result.source === "message");
    // This file's messages, newest first (it publishes 8 before this test).
    expect(recent.length).toBe(8);
    expect(recent.every((result) => result.messageId?.startsWith("msg_"))).toBe(true);
  });
});
