// JWT receiver authentication end to end: a real worker sends to a receiver on 127.0.0.1 that
// verifies every token with `jose`, against the JWKS that the real /.well-known/jwks.json route
// handler serves over loopback (EdDSA, ES256, RS256) or with the shared secret (HS256), and checks
// the audience, the expiry and the body_sha256 claim against the bytes it received.
import { createHash } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify, type JWTPayload } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as jwksRoute } from "@/app/.well-known/jwks.json/route";
import { POST as createRoute } from "@/app/api/v1/tenants/[tenant]/endpoints/route";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { publishMessages } from "@/lib/messages/publish-messages";
import { rotateJwtKeys } from "@/lib/signing/jwt-keys";
import { callRoute } from "../../helpers/api";
import { useTestDatabase } from "../../helpers/database";
import { createApiKey, createTenant, createTestEndpoint, createTestEventType } from "../../helpers/fixtures";
import { eventually, startTestWorker } from "../../helpers/worker";

interface Verified {
  path: string;
  token: string;
  body: string;
  status: number;
  payload?: JWTPayload;
  kid?: string;
  reason?: string;
}

const SECRET = "hs256-shared-secret-with-more-than-32-bytes";

async function listen(server: http.Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function readBody(request: http.IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
  });
}

describe("JWT receiver authentication", () => {
  const databaseUrl = useTestDatabase();
  let tenantId: string;
  let key: string;
  let jwksServer: http.Server;
  let receiver: http.Server;
  let jwksUrl: string;
  let receiverUrl: string;
  const verified: Verified[] = [];

  /** What a receiver's gateway does: the token from its header, checked with jose, then the body. */
  async function verify(
    path: string,
    token: string,
    body: string,
    audience: string,
    options: { currentDate?: Date } = {},
  ): Promise<Verified> {
    const jwks = createRemoteJWKSet(new URL(jwksUrl), { cooldownDuration: 0 });
    try {
      const { payload, protectedHeader } = path.startsWith("/hs256")
        ? await jwtVerify(token, new TextEncoder().encode(SECRET), { audience, algorithms: ["HS256"], ...options })
        : await jwtVerify(token, jwks, { audience, algorithms: ["EdDSA", "ES256", "RS256"], ...options });
      const sha = createHash("sha256").update(body, "utf8").digest("base64url");
      if (payload.body_sha256 !== sha) return { path, token, body, status: 401, reason: "body_sha256 mismatch" };
      return { path, token, body, status: 204, payload, kid: protectedHeader.kid };
    } catch (error) {
      return { path, token, body, status: 401, reason: (error as Error).message };
    }
  }

  beforeAll(async () => {
    tenantId = await createTenant();
    key = await createApiKey({ tenantId, role: "admin" });
    await createTestEventType({ name: "invoice.paid" });
    // The real route handler, served over loopback so that jose fetches it like any JWKS URL.
    jwksServer = http.createServer((request, response) => {
      void jwksRoute(new Request(`http://127.0.0.1${request.url}`)).then(async (answer) => {
        response.writeHead(answer.status, Object.fromEntries(answer.headers));
        response.end(await answer.text());
      });
    });
    jwksUrl = `${await listen(jwksServer)}/.well-known/jwks.json`;
    receiver = http.createServer((request, response) => {
      void readBody(request).then(async (body) => {
        const path = request.url ?? "/";
        const custom = path.includes("custom-header");
        const header = custom ? request.headers["x-receiver-jwt"] : request.headers.authorization;
        const token = typeof header === "string" ? (custom ? header : header.replace(/^Bearer /, "")) : "";
        const audience = path.includes("audience") ? "billing-service" : `${receiverUrl}${path}`;
        const result = await verify(path, token, body, audience);
        verified.push(result);
        response.writeHead(result.status).end(result.reason ?? "");
      });
    });
    receiverUrl = await listen(receiver);
  });
  afterAll(async () => {
    await new Promise((resolve) => jwksServer.close(resolve));
    await new Promise((resolve) => receiver.close(resolve));
  });

  async function deliver(path: string, auth: Record<string, unknown>) {
    const endpoint = await createTestEndpoint(tenantId, {
      url: `${receiverUrl}${path}`,
      eventTypes: ["invoice.paid"],
      auth: { type: "jwt", ...auth } as never,
    });
    startTestWorker(databaseUrl());
    const [message] = await publishMessages(tenantId, [{ eventType: "invoice.paid", payload: { id: path } }]);
    const delivery = await eventually(
      async () => {
        const row = await db().delivery.findFirst({ where: { messageId: message!.id, endpointId: endpoint.id } });
        return row && (row.status === "succeeded" || row.status === "failed") ? row : undefined;
      },
      20_000,
      "the delivery to settle",
    );
    const received = verified.filter((entry) => entry.path === path).at(-1);
    return { endpoint, delivery, received: received! };
  }

  it.each(["EdDSA", "ES256", "RS256"] as const)(
    "should send a %s token that verifies against the JWKS URL, bound to this request",
    async (algorithm) => {
      const path = `/jwks-${algorithm}`;
      const { delivery, received } = await deliver(path, { algorithm });
      expect(received.reason).toBeUndefined();
      expect(delivery.status).toBe("succeeded");
      const header = decodeProtectedHeader(received.token);
      expect(header).toMatchObject({ alg: algorithm, typ: "JWT", kid: received.kid });
      const payload = received.payload!;
      expect(payload).toMatchObject({ iss: env().HOOKLINE_JWT_ISSUER, sub: tenantId, aud: `${receiverUrl}${path}` });
      expect(payload.exp! - payload.iat!).toBe(300);
      expect(payload.jti).toMatch(/^[0-9a-f-]{36}$/);

      // The same token replayed with another body fails the receiver's body_sha256 check…
      const replay = await verify(path, received.token, received.body.replace(path, "/evil"), `${receiverUrl}${path}`);
      expect(replay).toMatchObject({ status: 401, reason: "body_sha256 mismatch" });
      // …for another audience it fails jose's aud check, and five minutes later its exp.
      expect((await verify(path, received.token, received.body, "https://other.example")).reason).toMatch(/aud/);
      const later = new Date((payload.exp! + 1) * 1000);
      expect(
        (await verify(path, received.token, received.body, `${receiverUrl}${path}`, { currentDate: later })).reason,
      ).toMatch(/exp/);
    },
  );

  it("should sign HS256 with the shared secret, with a named audience, in another header", async () => {
    const { delivery, received } = await deliver("/hs256-custom-header-audience", {
      algorithm: "HS256",
      secret: SECRET,
      audience: "billing-service",
      header: "X-Receiver-JWT",
    });
    expect(received.reason).toBeUndefined();
    expect(delivery.status).toBe("succeeded");
    expect(received.payload).toMatchObject({ aud: "billing-service", sub: tenantId });
    // The attempt log masks the token like any credential.
    const [attempt] = await db().attempt.findMany({ where: { deliveryId: delivery.id } });
    expect((attempt!.requestHeaders as Record<string, string>)["x-receiver-jwt"]).toBe("••••••");
    expect(JSON.stringify(attempt!.requestHeaders)).not.toContain(received.token.slice(-20));
  });

  it("should publish the public keys only, with cache headers", async () => {
    const response = await jwksRoute(new Request("http://127.0.0.1/.well-known/jwks.json"));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toMatch(/^public, max-age=300/);
    expect(response.headers.get("content-type")).toBe("application/jwk-set+json");
    const { keys } = (await response.json()) as { keys: Array<Record<string, string>> };
    expect(keys.map((jwk) => jwk.alg).sort()).toEqual(["ES256", "EdDSA", "RS256"]);
    for (const jwk of keys) {
      expect(jwk).toMatchObject({ use: "sig", kid: expect.any(String) });
      for (const privatePart of ["d", "p", "q", "dp", "dq", "qi"]) expect(jwk).not.toHaveProperty(privatePart);
    }
  });

  it("should publish old and new keys after a rotation and sign with the new kid from then on", async () => {
    const before = await deliver("/rotate-before", { algorithm: "EdDSA" });
    const rotation = await rotateJwtKeys(60_000);
    expect(rotation.retired).toHaveLength(3);
    expect(rotation.retired).toContain(before.received.kid);
    const published = ((await (await jwksRoute(new Request(jwksUrl))).json()) as { keys: Array<{ kid: string }> }).keys;
    expect(published.map((jwk) => jwk.kid).sort()).toEqual([...rotation.created, ...rotation.retired].sort());

    const after = await deliver("/rotate-after", { algorithm: "EdDSA" });
    expect(after.received.reason).toBeUndefined();
    expect(after.delivery.status).toBe("succeeded");
    expect(rotation.created).toContain(after.received.kid);
    expect(after.received.kid).not.toBe(before.received.kid);
    // A token minted just before the rotation still verifies during the grace period.
    const old = await verify(
      "/rotate-before",
      before.received.token,
      before.received.body,
      `${receiverUrl}/rotate-before`,
    );
    expect(old.status).toBe(204);
  });

  describe("bad input", () => {
    const cases: Array<{
      name: string;
      auth?: unknown;
      rawBody?: string;
      status: number;
      code: string;
      path?: string;
    }> = [
      {
        name: "an HS256 secret under 32 bytes",
        auth: { type: "jwt", algorithm: "HS256", secret: "short" },
        status: 422,
        code: "validation_failed",
        path: "auth.secret",
      },
      {
        name: "an unknown algorithm",
        auth: { type: "jwt", algorithm: "PS512" },
        status: 422,
        code: "validation_failed",
        path: "auth.algorithm",
      },
      {
        name: "an unknown field",
        auth: { type: "jwt", algorithm: "EdDSA", expiresIn: 60 },
        status: 422,
        code: "validation_failed",
        path: "auth.expiresIn",
      },
      {
        name: "malformed JSON",
        rawBody: '{"url": "http://127.0.0.1:9/", "auth": {',
        status: 400,
        code: "invalid_json",
      },
    ];
    it.each(cases)(
      "should refuse $name with $status $code and write nothing",
      async ({ auth, rawBody, status, code, path }) => {
        const before = await db().endpoint.count();
        const response = await callRoute(createRoute, {
          params: { tenant: tenantId },
          key,
          ...(rawBody !== undefined
            ? { rawBody, headers: { "content-type": "application/json" }, method: "POST" }
            : { body: { url: "http://127.0.0.1:9/hook", auth } }),
        });
        expect(response.status).toBe(status);
        const error = (response.body as { error: { code: string; details?: Array<{ path: string }> } }).error;
        expect(error.code).toBe(code);
        if (path) expect(error.details!.map((detail) => detail.path)).toContain(path);
        expect(await db().endpoint.count()).toBe(before);
      },
    );
  });
});
