// Standard Webhooks asymmetric signatures (v1a) end to end: the API hands out only the whpk_
// public key, a real worker signs, and a receiver on 127.0.0.1 verifies with Node's
// crypto.verify('ed25519', …) as the spec describes: `${id}.${timestamp}.${body}`, `v1a,<base64>`.
import { createPublicKey, verify } from "node:crypto";
import { Webhook as StandardWebhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PATCH as updateRoute } from "@/app/api/v1/tenants/[tenant]/endpoints/[endpoint]/route";
import { POST as rotateRoute } from "@/app/api/v1/tenants/[tenant]/endpoints/[endpoint]/secret/rotate/route";
import { GET as secretRoute } from "@/app/api/v1/tenants/[tenant]/endpoints/[endpoint]/secret/route";
import { POST as createRoute } from "@/app/api/v1/tenants/[tenant]/endpoints/route";
import { db } from "@/lib/db";
import { publishMessages } from "@/lib/messages/publish-messages";
import { callRoute } from "../../helpers/api";
import { useTestDatabase } from "../../helpers/database";
import { createApiKey, createTenant, createTestEventType, endpointSecret } from "../../helpers/fixtures";
import { startReceiver, type ReceivedRequest, type Receiver } from "../../helpers/receiver";
import { startTestWorker } from "../../helpers/worker";

interface SecretView {
  signatureScheme: string;
  secret: string | null;
  publicKey: string | null;
  previousSecretExpiresAt: string | null;
}

/** The receiver's side, per the spec: any v1a signature in the header that verifies wins. */
function v1aVerifies(publicKey: string, request: ReceivedRequest): boolean {
  const raw = Buffer.from(publicKey.replace(/^whpk_/, ""), "base64");
  const key = createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: raw.toString("base64url") }, format: "jwk" });
  const content = Buffer.from(
    `${request.headers["webhook-id"]}.${request.headers["webhook-timestamp"]}.${request.body}`,
    "utf8",
  );
  return request.headers["webhook-signature"]!.split(" ")
    .filter((signature) => signature.startsWith("v1a,"))
    .some((signature) => verify(null, content, key, Buffer.from(signature.slice(4), "base64")));
}

describe("v1a (ed25519) signatures", () => {
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

  const at = (endpoint: string) => ({ tenant: tenantId, endpoint });
  const secretOf = async (endpointId: string) =>
    (await callRoute(secretRoute, { params: at(endpointId), key })).body as SecretView;

  async function deliverTo(path: string) {
    const before = receiver.at(path).length;
    await publishMessages(tenantId, [{ eventType: "invoice.paid", payload: { id: "in_1", path } }]);
    const requests = await receiver.waitFor(before + 1, path, 20_000);
    return requests.at(-1)!;
  }

  it("should show only the whpk_ public key, and sign so that crypto.verify accepts it", async () => {
    const created = await callRoute(createRoute, {
      params: { tenant: tenantId },
      key,
      body: { url: receiver.url("/v1a"), eventTypes: ["invoice.paid"], signatureScheme: "v1a" },
    });
    expect(created.status).toBe(201);
    const endpoint = created.body as { id: string; signatureScheme: string };
    expect(endpoint.signatureScheme).toBe("v1a");
    const view = await secretOf(endpoint.id);
    expect(view).toMatchObject({ signatureScheme: "v1a", secret: null, publicKey: expect.stringMatching(/^whpk_/) });
    expect(await endpointSecret(endpoint.id)).toMatch(/^whsk_/); // kept by Hookline, never shown

    startTestWorker(databaseUrl());
    const request = await deliverTo("/v1a");
    expect(request.headers["webhook-signature"]).toMatch(/^v1a,[A-Za-z0-9+/]{86}==$/);
    expect(v1aVerifies(view.publicKey!, request)).toBe(true);
    expect(v1aVerifies(view.publicKey!, { ...request, body: request.body.replace("in_1", "in_2") })).toBe(false);
  });

  it("should sign with the old and the new key during a rotation's overlap", async () => {
    const created = await callRoute(createRoute, {
      params: { tenant: tenantId },
      key,
      body: { url: receiver.url("/v1a-rotated"), eventTypes: ["invoice.paid"], signatureScheme: "v1a" },
    });
    const { id } = created.body as { id: string };
    const old = await secretOf(id);
    const rotated = await callRoute(rotateRoute, { params: at(id), key, body: {} });
    expect(rotated.status).toBe(200);
    const fresh = rotated.body as SecretView;
    expect(fresh).toMatchObject({ signatureScheme: "v1a", secret: null, previousSecretExpiresAt: expect.any(String) });
    expect(fresh.publicKey).not.toBe(old.publicKey);

    startTestWorker(databaseUrl());
    const request = await deliverTo("/v1a-rotated");
    expect(request.headers["webhook-signature"]!.split(" ")).toHaveLength(2);
    expect(v1aVerifies(fresh.publicKey!, request)).toBe(true);
    expect(v1aVerifies(old.publicKey!, request)).toBe(true);
  });

  it("should switch a v1 endpoint to v1a with both signatures during the overlap", async () => {
    const created = await callRoute(createRoute, {
      params: { tenant: tenantId },
      key,
      body: { url: receiver.url("/v1-to-v1a"), eventTypes: ["invoice.paid"] },
    });
    const { id } = created.body as { id: string };
    const v1 = (await secretOf(id)).secret!;
    const updated = await callRoute(updateRoute, {
      params: at(id),
      key,
      method: "PATCH",
      body: { signatureScheme: "v1a" },
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ signatureScheme: "v1a" });
    const view = await secretOf(id);
    expect(view).toMatchObject({ signatureScheme: "v1a", previousSecretExpiresAt: expect.any(String) });

    startTestWorker(databaseUrl());
    const request = await deliverTo("/v1-to-v1a");
    expect(v1aVerifies(view.publicKey!, request)).toBe(true);
    // The unmodified Standard Webhooks library still verifies the v1 signature beside it.
    expect(() => new StandardWebhook(v1).verify(request.body, request.headers)).not.toThrow();
  });

  it("should refuse a secret of the other scheme with 422 and write nothing", async () => {
    const before = await db().endpoint.count();
    const response = await callRoute(createRoute, {
      params: { tenant: tenantId },
      key,
      body: {
        url: receiver.url("/mismatch"),
        signatureScheme: "v1a",
        secret: `whsec_${Buffer.alloc(32, 7).toString("base64")}`,
      },
    });
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({
      error: { code: "validation_failed", details: [{ path: "secret", code: "scheme_mismatch" }] },
    });
    const unknown = await callRoute(createRoute, {
      params: { tenant: tenantId },
      key,
      body: { url: receiver.url("/mismatch"), signatureScheme: "v2" },
    });
    expect(unknown.status).toBe(422);
    expect(await db().endpoint.count()).toBe(before);
  });
});
