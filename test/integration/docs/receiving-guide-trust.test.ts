// docs/RECEIVING.md's v1a and JWT receivers, run as written against real deliveries: the v1a
// one with an endpoint's whpk_ public key, the JWT one against the JWKS that the real
// /.well-known/jwks.json route serves over loopback.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { GET as jwksRoute } from "@/app/.well-known/jwks.json/route";
import { getEndpointSecret } from "@/lib/endpoints";
import { env } from "@/lib/env";
import { publishMessages } from "@/lib/messages/publish-messages";
import { freePort } from "@/server/ports";
import { useTestDatabase } from "../../helpers/database";
import { createTenant, createTestEndpoint, createTestEventType } from "../../helpers/fixtures";
import { ROOT } from "../../helpers/hookline-process";
import { eventually, startTestWorker } from "../../helpers/worker";

const stops: Array<() => void> = [];
afterEach(() => {
  while (stops.length) stops.pop()!();
});

describe("docs/RECEIVING.md: v1a and JWT receivers", () => {
  const databaseUrl = useTestDatabase();
  let tenantId: string;
  const guide = readFileSync(path.join(ROOT, "docs/RECEIVING.md"), "utf8");

  beforeAll(async () => {
    tenantId = await createTenant();
    await createTestEventType({ name: "guide.trust" });
  });

  it.each(["receiver-v1a-node.mjs", "receiver-jwt-node.mjs"])("should include %s verbatim", (file) => {
    expect(guide).toContain(readFileSync(path.join(ROOT, "docs/examples", file), "utf8").trim());
  });

  it("should verify a real v1a delivery with the whpk_ key and reject a forged one", async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/webhooks`;
    const endpoint = await createTestEndpoint(tenantId, { url, eventTypes: ["guide.trust"], signatureScheme: "v1a" });
    const { publicKey } = await getEndpointSecret(tenantId, endpoint.id);
    const child = spawn(process.execPath, [path.join(ROOT, "docs/examples/receiver-v1a-node.mjs")], {
      cwd: ROOT,
      env: { ...process.env, WEBHOOK_PUBLIC_KEY: publicKey!, PORT: String(port) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    stops.push(() => child.kill());
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    await eventually(() => (output.includes("listening on") ? true : undefined), 10_000, "the v1a example");
    startTestWorker(databaseUrl());
    const [message] = await publishMessages(tenantId, [{ eventType: "guide.trust", payload: { hello: "v1a" } }]);
    await eventually(() => (output.includes(`processed ${message!.id} guide.trust`) ? true : undefined), 15_000);
    const forged = await fetch(url, {
      method: "POST",
      headers: {
        "webhook-id": "msg_forged",
        "webhook-timestamp": String(Math.floor(Date.now() / 1000)),
        "webhook-signature": `v1a,${Buffer.alloc(64, 1).toString("base64")}`,
      },
      body: "{}",
    });
    expect(forged.status).toBe(401);
  });

  it("should accept a real JWT-authenticated delivery and reject a token replayed with another body", async () => {
    const jwksServer = http.createServer((request, response) => {
      void jwksRoute(new Request(`http://127.0.0.1${request.url}`)).then(async (answer) => {
        response.writeHead(answer.status, Object.fromEntries(answer.headers));
        response.end(await answer.text());
      });
    });
    await new Promise<void>((resolve) => jwksServer.listen(0, "127.0.0.1", resolve));
    stops.push(() => jwksServer.close());
    const jwksUrl = `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/.well-known/jwks.json`;
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/webhooks`;
    const child = spawn(process.execPath, [path.join(ROOT, "docs/examples/receiver-jwt-node.mjs")], {
      cwd: ROOT,
      env: { ...process.env, JWKS_URL: jwksUrl, ISSUER: env().HOOKLINE_JWT_ISSUER, AUDIENCE: url, PORT: String(port) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    stops.push(() => child.kill());
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    await eventually(() => (output.includes("listening on") ? true : undefined), 10_000, "the JWT example");

    const endpoint = await createTestEndpoint(tenantId, {
      url,
      eventTypes: ["guide.trust"],
      auth: { type: "jwt", algorithm: "ES256" },
    });
    startTestWorker(databaseUrl());
    const [message] = await publishMessages(tenantId, [{ eventType: "guide.trust", payload: { hello: "jwt" } }]);
    await eventually(() => (output.includes(`accepted ${message!.id} for ${tenantId}`) ? true : undefined), 15_000);
    expect(endpoint.authType).toBe("jwt");

    const { mintReceiverJwt } = await import("@/lib/sending/receiver-jwt");
    const token = await mintReceiverJwt({ type: "jwt", algorithm: "ES256" }, { tenantId, url, body: '{"a":1}' });
    const post = (body: string) =>
      fetch(url, { method: "POST", headers: { authorization: `Bearer ${token}` }, body }).then((r) => r.status);
    expect(await post('{"a":1}')).toBe(204);
    expect(await post('{"a":2}')).toBe(401);
    // The example answers before it logs, so its line may reach this process after the status.
    await eventually(
      () => (output.includes("rejected: body_sha256 does not match the body") ? true : undefined),
      5_000,
    );
  });
});
