// Secrets never lie in the database in clear: signing secrets, receiver credentials and custom
// header values are encrypted (AES-256-GCM), attempt logs mask them. Checked by reading every
// table as text, the way someone with a copy of the database would. Then a key rotation.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encryptionKeys, keyIdOf, parseEncryptionKey } from "@/lib/crypto";
import { reencryptSecrets } from "@/lib/crypto/reencrypt-secrets";
import { db } from "@/lib/db";
import { endpointConfig } from "@/lib/sending/endpoint-config";
import { toEndpointRow } from "@/lib/sending/endpoint-row";
import { reloadEnv } from "@/lib/env";
import { dropProcessState } from "@/lib/process-state";
import { publishMessages } from "@/lib/messages/publish-messages";
import { useTestDatabase } from "../../helpers/database";
import { createTenant, createTestEndpoint, createTestEventType } from "../../helpers/fixtures";
import { startReceiver, type Receiver } from "../../helpers/receiver";
import { eventually, startTestWorker } from "../../helpers/worker";

const SECRETS = {
  signing: "whsec_c2VjcmV0LXNpZ25pbmcta2V5LWZvci10ZXN0aW5nLTEyMzQ=",
  password: "basic-password-Xq7!",
  token: "bearer-token-Zr9#",
  header: "custom-header-value-Lm3$",
  clientSecret: "oauth-client-secret-Pk2%",
};

async function everyTableAsText(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`,
    );
    let text = "";
    for (const { table_name } of tables) {
      const { rows } = await client.query<{ row: string }>(`SELECT row_to_json(t)::text AS row FROM "${table_name}" t`);
      text += rows.map((row) => row.row).join("\n");
    }
    return text;
  } finally {
    await client.end();
  }
}

describe("secrets at rest", () => {
  const databaseUrl = useTestDatabase();
  let receiver: Receiver;
  let tenantId: string;

  beforeAll(async () => {
    receiver = await startReceiver();
    tenantId = await createTenant();
    await createTestEventType({ name: "secret.test" });
  });
  const configuredKey = process.env.HOOKLINE_ENCRYPTION_KEY;
  afterAll(async () => {
    await receiver.close();
    process.env.HOOKLINE_ENCRYPTION_KEY = configuredKey;
    delete process.env.HOOKLINE_ENCRYPTION_PREVIOUS_KEYS;
    reloadEnv();
  });

  it("should store no secret in clear anywhere, deliveries and attempt logs included", async () => {
    await createTestEndpoint(tenantId, {
      url: receiver.url("/basic"),
      secret: SECRETS.signing,
      eventTypes: ["secret.test"],
      headers: { "x-api-token": SECRETS.header },
      auth: { type: "basic", username: "hook", password: SECRETS.password },
    });
    await createTestEndpoint(tenantId, {
      url: receiver.url("/bearer"),
      eventTypes: ["secret.test"],
      auth: { type: "bearer", token: SECRETS.token },
    });
    await createTestEndpoint(tenantId, {
      url: receiver.url("/oauth"),
      eventTypes: ["secret.test"],
      auth: {
        type: "oauth2",
        tokenUrl: receiver.url("/token"),
        clientId: "client",
        clientSecret: SECRETS.clientSecret,
      },
    });
    receiver.on("/token", {
      status: 200,
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ access_token: "issued-access-token", expires_in: 60 }),
    });
    startTestWorker(databaseUrl());
    await publishMessages(tenantId, [{ eventType: "secret.test", payload: { n: 1 } }]);
    await eventually(async () => ((await db().attempt.count()) >= 3 ? true : undefined), 15_000, "three attempts");
    // the receivers did get the secrets: they are in use, just not at rest
    expect(receiver.at("/basic")[0]!.headers["x-api-token"]).toBe(SECRETS.header);

    const dump = await everyTableAsText(databaseUrl());
    for (const [name, secret] of Object.entries(SECRETS)) expect(dump.includes(secret), `${name} in clear`).toBe(false);
    expect(dump).not.toContain(SECRETS.signing.slice("whsec_".length));
    expect(dump).not.toContain(Buffer.from(`hook:${SECRETS.password}`).toString("base64"));
    expect(dump).not.toContain("issued-access-token");
  });

  it("should re-encrypt every value with a new key, after which the old key is not needed", async () => {
    const oldKey = (await encryptionKeys()).current;
    const newKey = parseEncryptionKey("ab".repeat(32));
    process.env.HOOKLINE_ENCRYPTION_KEY = newKey.toString("hex");
    process.env.HOOKLINE_ENCRYPTION_PREVIOUS_KEYS = oldKey.toString("hex");
    reloadEnv();
    dropProcessState("crypto.encryptionKeys");

    const result = await reencryptSecrets();
    expect(result.rows).toBe(3);
    expect(result.values).toBe(7); // 3 signing secrets, 1 set of custom headers, 3 receiver credentials
    expect(await reencryptSecrets()).toEqual({ rows: 0, values: 0 }); // idempotent

    const rows = await db().endpoint.findMany({ where: { tenantId } });
    const oldId = keyIdOf(oldKey);
    for (const row of rows)
      for (const value of [row.secretEnc, row.headersEnc, row.authEnc])
        if (value) expect(value.startsWith(`v1.${keyIdOf(newKey)}.`), value.slice(0, 12)).toBe(true);
    expect(JSON.stringify(rows)).not.toContain(`v1.${oldId}.`);

    // The new key alone now opens everything.
    delete process.env.HOOKLINE_ENCRYPTION_PREVIOUS_KEYS;
    reloadEnv();
    dropProcessState("crypto.encryptionKeys");
    const basic = rows.find((row) => row.url.endsWith("/basic"))!;
    const config = await endpointConfig(
      toEndpointRow({
        endpoint_id: basic.id,
        url: basic.url,
        disabled: false,
        secret_enc: basic.secretEnc,
        previous_secret_enc: null,
        previous_secret_expires_at: null,
        headers_enc: basic.headersEnc,
        auth_enc: basic.authEnc,
        rate_limit: null,
        max_concurrency: null,
        timeout_ms: null,
        version: "after-rotation",
        client_certificate_enc: null,
        ca_certificate: null,
        proxy_mode: "default",
        proxy_url: null,
        proxy_credentials_enc: null,
        trace_context: true,
      }),
    );
    expect(config.secret).toBe(SECRETS.signing);
    expect(config.headers).toEqual({ "x-api-token": SECRETS.header });
    expect(config.auth).toEqual({ type: "basic", username: "hook", password: SECRETS.password });
  });
});
