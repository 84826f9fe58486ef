// Nothing secret ever reaches a log line: every process of a running Hookline logs at the most
// verbose level while it handles passwords, API keys, signing secrets, receiver credentials and
// signatures; then the whole output is searched for each of them.
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHooklineClient } from "@/client/hookline-client";
import { freePort } from "@/server/ports";
import { authCallback } from "../helpers/auth-callback";
import { startHookline, type Hookline } from "../helpers/hookline-process";
import { startReceiver, type Receiver } from "../helpers/receiver";
import { eventually } from "../helpers/worker";
import { startCluster, type Cluster } from "./cluster";

const ADMIN_KEY = "admin-key-that-must-never-be-logged-1";
const SECRETS = {
  userPassword: "user-password-never-logged-2",
  wrongPassword: "wrong-password-never-logged-3",
  signing: "whsec_bm90LWxvZ2dlZC1zaWduaW5nLXNlY3JldC0xMjM0NTY=",
  basicPassword: "basic-password-never-logged-4",
  headerValue: "header-value-never-logged-5",
  bearerToken: "bearer-token-never-logged-6",
  clientSecret: "client-secret-never-logged-7",
  accessToken: "access-token-never-logged-8",
  forgedKey: "hl_0123456789ab_forgedkeyforgedkeyforgedkeyforgedkeyforg",
};

describe("logs", () => {
  let cluster: Cluster;
  let receiver: Receiver;
  let hookline: Hookline;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "hookline-logs-"));
  chmodSync(dataDir, 0o755);

  beforeAll(async () => {
    cluster = await startCluster();
    receiver = await startReceiver();
    hookline = await startHookline({
      dataDir,
      port: await freePort(),
      env: {
        DATABASE_URL: cluster.url,
        HOOKLINE_ADMIN_API_KEY: ADMIN_KEY,
        HOOKLINE_ALLOW_PRIVATE_NETWORKS: "true",
        HOOKLINE_ENCRYPTION_KEY: process.env.HOOKLINE_ENCRYPTION_KEY,
        LOG_LEVEL: "trace",
        LOG_FORMAT: "json",
      },
    });
  });
  afterAll(async () => {
    hookline?.signalGroup("SIGINT");
    await hookline?.exited;
    await receiver.close();
    await cluster.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("should never contain a password, API key, secret, credential or signature", async () => {
    const url = hookline.url;
    const json = { "content-type": "application/json" };
    // An account, and a failed sign-in with a wrong password.
    expect(
      (
        await fetch(`${url}/api/account/register`, {
          method: "POST",
          headers: json,
          body: JSON.stringify({ email: "logs@example.test", password: SECRETS.userPassword, tenantName: "Logs" }),
        })
      ).status,
    ).toBe(201);
    await authCallback(url, "credentials", { email: "logs@example.test", password: SECRETS.wrongPassword });

    // The platform wires a tenant up; an API key is created and used; a forged key is refused.
    const admin = createHooklineClient({ baseUrl: url, apiKey: ADMIN_KEY });
    const tenant = await admin.tenants.create({ name: "Logged" });
    await admin.eventTypes.create({ name: "logs.test" });
    const created = await admin.api.POST("/api-keys", {
      body: { name: "publisher", tenantId: tenant.id, role: "admin" },
    });
    const apiKey = (created.data as { key: string }).key;
    const publisher = createHooklineClient({ baseUrl: url, apiKey });
    await admin.endpoints.create(tenant.id, {
      url: receiver.url("/basic"),
      secret: SECRETS.signing,
      headers: { "x-secret-header": SECRETS.headerValue },
      auth: { type: "basic", username: "hook", password: SECRETS.basicPassword },
    });
    await admin.endpoints.create(tenant.id, {
      url: receiver.url("/bearer"),
      auth: { type: "bearer", token: SECRETS.bearerToken },
    });
    receiver.on("/token", {
      status: 200,
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ access_token: SECRETS.accessToken, expires_in: 60 }),
    });
    receiver.on("/oauth", (request) =>
      request.headers.authorization === `Bearer ${SECRETS.accessToken}` ? { status: 204 } : { status: 401 },
    );
    await admin.endpoints.create(tenant.id, {
      url: receiver.url("/oauth"),
      auth: {
        type: "oauth2",
        tokenUrl: receiver.url("/token"),
        clientId: "client",
        clientSecret: SECRETS.clientSecret,
      },
    });
    receiver.on("/basic", (_request, count) => (count === 1 ? { status: 500 } : { status: 204 })); // a retry, with a second signature
    for (let n = 0; n < 3; n++) await publisher.messages.publish(tenant.id, { eventType: "logs.test", payload: { n } });
    const forged = createHooklineClient({ baseUrl: url, apiKey: SECRETS.forgedKey });
    await expect(forged.messages.publish(tenant.id, { eventType: "logs.test", payload: {} })).rejects.toMatchObject({
      status: 401,
    });
    await receiver.waitFor(4, "/basic", 30_000);
    await receiver.waitFor(3, "/oauth", 30_000);
    await eventually(
      () => (hookline.output().includes("attempt finished") ? true : undefined),
      10_000,
      "the worker's trace lines",
    );

    const log = hookline.output();
    // It really was verbose: a line per API request and per attempt (with URL, status, timing).
    const lines = log.split("\n").filter((line) => line.startsWith("{"));
    expect(lines.filter((line) => line.includes('"msg":"request"')).length).toBeGreaterThanOrEqual(8);
    expect(lines.filter((line) => line.includes('"msg":"attempt finished"')).length).toBeGreaterThanOrEqual(7);
    const signatures = receiver.requests.flatMap((request) =>
      (request.headers["webhook-signature"] ?? "")
        .split(" ")
        .map((signature) => signature.slice(3))
        .filter(Boolean),
    );
    expect(signatures.length).toBeGreaterThanOrEqual(7);
    const secrets: Record<string, string> = {
      adminKey: ADMIN_KEY,
      apiKey,
      ...SECRETS,
      signingKey: SECRETS.signing.slice("whsec_".length),
      basicHeader: Buffer.from(`hook:${SECRETS.basicPassword}`).toString("base64"),
    };
    for (const [index, signature] of signatures.entries()) secrets[`signature${index}`] = signature;
    for (const [name, secret] of Object.entries(secrets))
      expect(log.includes(secret), `${name} appears in the logs`).toBe(false);
  });
});
