// The publish fast path of the production web server (server/web-fast-path.ts), over real
// HTTP on loopback: which requests it takes, and that what it answers is what the route handler
// answers through Next (status, body, headers, limits, errors), with the rows really written.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fastRoute, serveFast } from "../../../server/web-fast-path";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { useTestDatabase } from "../../helpers/database";
import { createApiKey, createTenant, createTestEndpoint, createTestEventType } from "../../helpers/fixtures";

const NOT_FAST = 599;

describe("the publish fast path", () => {
  useTestDatabase();
  let server: http.Server;
  let base: string;
  let tenantId: string;
  let key: string;
  let viewerKey: string;

  beforeAll(async () => {
    tenantId = await createTenant("Fast");
    key = await createApiKey({ tenantId, role: "admin" });
    viewerKey = await createApiKey({ tenantId, role: "viewer" });
    await createTestEventType({ name: "fast.thing" });
    await createTestEndpoint(tenantId, { url: "http://127.0.0.1:9/a" });
    await createTestEndpoint(tenantId, { url: "http://127.0.0.1:9/b" });
    server = http.createServer((request, response) => {
      const route = fastRoute(request);
      if (route) void serveFast(route, request, response, base);
      else {
        request.resume();
        response.statusCode = NOT_FAST; // stands for "handed to Next"
        response.end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const post = (path: string, body: string | undefined, headers: Record<string, string> = {}) =>
    fetch(`${base}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${key}`, ...headers },
      body,
    });
  const messagesPath = () => `/api/v1/tenants/${tenantId}/messages`;

  it("should publish a message with an API key: 202, the documented body, the rows written, security headers and a request id", async () => {
    const response = await post(messagesPath(), JSON.stringify({ eventType: "fast.thing", payload: { n: 1 } }), {
      "x-request-id": "fast-1",
    });
    expect(response.status).toBe(202);
    const body = (await response.json()) as { id: string; eventType: string; deliveries: number };
    expect(body).toMatchObject({ eventType: "fast.thing", deliveries: 2 });
    expect(response.headers.get("x-request-id")).toBe("fast-1");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-type")).toMatch(/application\/json/);
    expect(response.headers.get("connection")).toBe("keep-alive");
    expect(await db().message.count({ where: { id: body.id } })).toBe(1);
    expect(await db().delivery.count({ where: { messageId: body.id } })).toBe(2);
  });

  it("should route by channels and payload filter, and store tags and the ordering key, as through Next", async () => {
    const filtered = await createTestEndpoint(tenantId, {
      url: "http://127.0.0.1:9/eu-only",
      channels: ["eu"],
      filter: { amount: { $gte: 100 } },
    });
    const publish = async (body: object) => {
      const response = await post(messagesPath(), JSON.stringify({ eventType: "fast.thing", ...body }));
      expect(response.status).toBe(202);
      return (await response.json()) as { id: string; deliveries: number };
    };
    const small = await publish({ payload: { amount: 5 }, channels: ["eu"], tags: ["vip"], orderingKey: "c-1" });
    expect(small.deliveries).toBe(2); // a and b; the EU endpoint's filter left it out
    const stored = await db().message.findUniqueOrThrow({ where: { id: small.id } });
    expect(stored).toMatchObject({
      channels: ["eu"],
      tags: ["vip"],
      orderingKey: "c-1",
      skippedEndpointIds: [filtered.id],
    });
    const big = await publish({ payload: { amount: 500 }, channels: ["eu"] });
    expect(big.deliveries).toBe(3);
    expect((await publish({ payload: { amount: 500 } })).deliveries).toBe(2); // no channel: not for the EU endpoint
    await db().endpoint.delete({ where: { id: filtered.id } });
  });

  it("should publish a batch, and honour an idempotency key given as a header", async () => {
    const batch = await post(
      `${messagesPath()}/batch`,
      JSON.stringify({
        messages: [
          { eventType: "fast.thing", payload: {} },
          { eventType: "fast.thing", payload: {} },
        ],
      }),
    );
    expect(batch.status).toBe(202);
    expect(((await batch.json()) as { data: unknown[] }).data).toHaveLength(2);

    const first = await post(messagesPath(), JSON.stringify({ eventType: "fast.thing", payload: {} }), {
      "idempotency-key": "fast-key-1",
    });
    const again = await post(messagesPath(), JSON.stringify({ eventType: "fast.thing", payload: {} }), {
      "idempotency-key": "fast-key-1",
    });
    expect([first.status, again.status]).toEqual([202, 200]);
    expect(((await again.json()) as { id: string }).id).toBe(((await first.json()) as { id: string }).id);
  });

  it("should answer errors as the route does, writing nothing", async () => {
    const before = await db().message.count();
    const cases: Array<[string, Promise<Response>, number, string]> = [
      [
        "bad key",
        post(messagesPath(), JSON.stringify({ eventType: "fast.thing", payload: {} }), {
          authorization: "Bearer nope",
        }),
        401,
        "unauthorized",
      ],
      [
        "viewer",
        post(messagesPath(), JSON.stringify({ eventType: "fast.thing", payload: {} }), {
          authorization: `Bearer ${viewerKey}`,
        }),
        403,
        "forbidden",
      ],
      [
        "other tenant",
        post(
          `/api/v1/tenants/tnt_01ARZ3NDEKTSV4RRFFQ69G5FAV/messages`,
          JSON.stringify({ eventType: "fast.thing", payload: {} }),
        ),
        404,
        "not_found",
      ],
      [
        "malformed tenant id",
        post(`/api/v1/tenants/x%20y/messages`, JSON.stringify({ eventType: "fast.thing", payload: {} })),
        404,
        "not_found",
      ],
      [
        "wrong content type",
        post(messagesPath(), "a=b", { "content-type": "application/x-www-form-urlencoded" }),
        415,
        "unsupported_media_type",
      ],
      ["bad JSON", post(messagesPath(), "{"), 400, "invalid_json"],
      [
        "unknown type",
        post(messagesPath(), JSON.stringify({ eventType: "fast.nothing", payload: {} })),
        422,
        "event_type_unknown",
      ],
    ];
    for (const [name, pending, status, code] of cases) {
      const response = await pending;
      expect({ name, status: response.status }).toEqual({ name, status });
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe(code);
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    }
    expect(await db().message.count()).toBe(before);
  });

  it("should refuse a chunked body over the limit with 413 without reading it all, and close the connection", async () => {
    const limit = env().HOOKLINE_MAX_PAYLOAD_BYTES + 4_096;
    const answer = await new Promise<{ status: number; connection: string | undefined; body: string }>(
      (resolve, reject) => {
        const request = http.request(
          `${base}${messagesPath()}`,
          {
            method: "POST",
            headers: {
              "content-type": "application/json",
              authorization: `Bearer ${key}`,
              "transfer-encoding": "chunked",
            },
          },
          (response) => {
            let body = "";
            response.on("data", (chunk: Buffer) => (body += chunk.toString()));
            response.on("end", () =>
              resolve({ status: response.statusCode!, connection: response.headers.connection, body }),
            );
          },
        );
        request.on("error", reject);
        // Keep sending past the limit; the server answers before the body ends.
        const chunk = `"${"x".repeat(64 * 1024)}",`;
        request.write(`{"eventType":"fast.thing","payload":[`);
        let sent = 0;
        const pump = () => {
          while (sent < limit * 4 && request.write(chunk)) sent += chunk.length;
          if (sent < limit * 4) request.once("drain", pump);
        };
        pump();
      },
    );
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({ error: { code: "payload_too_large" } });
    expect(answer.connection).toBe("close");
  });

  it("should hand everything else to Next: other methods and paths, and requests without an Authorization header", async () => {
    const noKey = await fetch(`${base}${messagesPath()}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    const list = await fetch(`${base}${messagesPath()}`, { headers: { authorization: `Bearer ${key}` } });
    const other = await post(`/api/v1/tenants/${tenantId}/endpoints`, "{}");
    const trailing = await post(`${messagesPath()}/`, "{}");
    const nested = await post(`${messagesPath()}/batch/x`, "{}");
    const badEscape = await post(`/api/v1/tenants/%E0%A4%A/messages`, "{}");
    expect([noKey, list, other, trailing, nested, badEscape].map((response) => response.status)).toEqual(
      Array(6).fill(NOT_FAST),
    );
  });
  it("should answer a failure of its own plumbing through the error mapper, with the request id", async () => {
    const failing = http.createServer((request, response) => {
      const route = fastRoute(request)!;
      const broken = (async () => {
        throw new Error("plumbing broke");
      }) as unknown as typeof route.handler;
      void serveFast({ ...route, handler: broken }, request, response, base);
    });
    await new Promise<void>((resolve) => failing.listen(0, "127.0.0.1", resolve));
    try {
      const response = await fetch(`http://127.0.0.1:${(failing.address() as AddressInfo).port}${messagesPath()}`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${key}`, "x-request-id": "fast-broken" },
        body: JSON.stringify({ eventType: "fast.thing", payload: {} }),
      });
      expect(response.status).toBe(500);
      expect(response.headers.get("x-request-id")).toBe("fast-broken");
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(await response.json()).toEqual({
        error: { code: "internal_error", message: "Something went wrong on our side.", requestId: "fast-broken" },
      });
    } finally {
      failing.closeAllConnections();
      await new Promise((resolve) => failing.close(resolve));
    }
  });
});
