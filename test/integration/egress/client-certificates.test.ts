// mTLS end to end: endpoints carry a client certificate (PEM chain + key, the key sealed and
// never returned) and a private CA; a loopback HTTPS receiver that requires client certificates
// of its CA accepts the right one, and refuses none or another CA's with a TLS error recorded on
// the attempt. Certificates are made by `openssl` in the test (test/helpers/certificates.ts).
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getRoute, PATCH as updateRoute } from "@/app/api/v1/tenants/[tenant]/endpoints/[endpoint]/route";
import { GET as listRoute, POST as createRoute } from "@/app/api/v1/tenants/[tenant]/endpoints/route";
import { db } from "@/lib/db";
import { announceExpiringCertificates } from "@/lib/endpoints/announce-expiring-certificates";
import { publishMessages } from "@/lib/messages/publish-messages";
import { endpointConfig } from "@/lib/sending/endpoint-config";
import { toEndpointRow, ENDPOINT_ROW_SQL, type EndpointSqlRow } from "@/lib/sending/endpoint-row";
import { createWebhookAgent, endpointDispatcher } from "@/lib/sending/webhook-agent";
import { pool } from "@/lib/db";
import { callRoute } from "../../helpers/api";
import { createTestCa, type TestCa } from "../../helpers/certificates";
import { useTestDatabase } from "../../helpers/database";
import { createApiKey, createTenant, createTestEventType, endpointSecret } from "../../helpers/fixtures";
import { startReceiver, type Receiver } from "../../helpers/receiver";
import { eventually, startTestWorker } from "../../helpers/worker";

interface CertificateView {
  subject: string;
  issuer: string;
  fingerprint: string;
  notAfter: string;
}
interface View {
  id: string;
  clientCertificate: CertificateView | null;
  caCertificate: CertificateView | null;
}

describe("mTLS client certificates", () => {
  const databaseUrl = useTestDatabase();
  let ca: TestCa;
  let otherCa: TestCa;
  let receiver: Receiver;
  let tenantId: string;
  let key: string;

  beforeAll(async () => {
    ca = createTestCa("Receiver CA");
    otherCa = createTestCa("Stranger CA");
    const server = ca.issue("127.0.0.1", { server: true });
    receiver = await startReceiver({
      tls: {
        cert: server.certificate,
        key: server.privateKey,
        ca: ca.certificate,
        requestCert: true,
        rejectUnauthorized: true,
      },
    });
    tenantId = await createTenant();
    key = await createApiKey({ tenantId, role: "admin" });
    await createTestEventType({ name: "invoice.paid" });
  });
  afterAll(() => receiver.close());

  const create = (body: object) =>
    callRoute(createRoute, { params: { tenant: tenantId }, key, body: { eventTypes: ["invoice.paid"], ...body } });

  async function endpointWith(path: string, body: object): Promise<View> {
    const response = await create({ url: receiver.url(path), caCertificate: ca.certificate, ...body });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body as View;
  }

  async function firstAttempt(endpointId: string) {
    return eventually(() =>
      db()
        .attempt.findFirst({ where: { endpointId } })
        .then((row) => row ?? undefined),
    );
  }

  it("should deliver with the right certificate, verified with standardwebhooks, and never return the key", async () => {
    const client = ca.issue("hookline-client");
    const endpoint = await endpointWith("/mtls", { clientCertificate: client });
    expect(endpoint.clientCertificate).toMatchObject({ subject: "CN=hookline-client", issuer: "CN=Receiver CA" });
    expect(endpoint.clientCertificate!.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(new Date(endpoint.clientCertificate!.notAfter).getTime()).toBeGreaterThan(Date.now() + 20 * 86_400_000);
    expect(endpoint.caCertificate).toMatchObject({ subject: "CN=Receiver CA" });
    const read = await callRoute(getRoute, { params: { tenant: tenantId, endpoint: endpoint.id }, key });
    expect(JSON.stringify(read.body)).not.toContain("PRIVATE KEY");
    const row = await db().endpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    expect(JSON.stringify(row)).not.toContain("PRIVATE KEY");

    startTestWorker(databaseUrl());
    await publishMessages(tenantId, [{ eventType: "invoice.paid", payload: { id: "in_1" } }]);
    const [request] = await receiver.waitFor(1, "/mtls");
    expect(request!.clientCertificate).toBe("hookline-client");
    const secret = await endpointSecret(endpoint.id);
    expect(new Webhook(secret).verify(request!.body, request!.headers)).toMatchObject({ data: { id: "in_1" } });
    const attempt = await firstAttempt(endpoint.id);
    expect(attempt).toMatchObject({ responseStatus: 204, errorKind: null });
  });

  it.each([
    { name: "without a certificate", path: "/no-cert", clientCertificate: () => null, reason: /certificate required/ },
    {
      name: "with another CA's certificate",
      path: "/stranger",
      clientCertificate: () => otherCa.issue("stranger"),
      reason: /refused the client certificate/,
    },
  ])("should record a TLS error $name", async ({ path, clientCertificate, reason }) => {
    const endpoint = await endpointWith(path, { clientCertificate: clientCertificate() });
    startTestWorker(databaseUrl());
    await publishMessages(tenantId, [{ eventType: "invoice.paid", payload: { id: "in_2" } }]);
    const attempt = await firstAttempt(endpoint.id);
    expect(attempt.responseStatus).toBeNull();
    expect(attempt.errorKind, attempt.errorMessage ?? "").toBe("tls");
    expect(attempt.errorMessage).toMatch(reason);
    expect(receiver.at(path)).toHaveLength(0);
  });

  it("should fail tries of an expired certificate with a clear TLS error, without connecting", async () => {
    const endpoint = await endpointWith("/expired", { clientCertificate: ca.issue("expired-client", { days: -1 }) });
    startTestWorker(databaseUrl());
    await publishMessages(tenantId, [{ eventType: "invoice.paid", payload: { id: "in_3" } }]);
    const attempt = await firstAttempt(endpoint.id);
    expect(attempt.errorKind).toBe("tls");
    expect(attempt.errorMessage).toMatch(/client certificate expired at .*renewed/);
    expect(receiver.at("/expired")).toHaveLength(0);
  });

  it.each([
    {
      name: "a certificate that is no PEM",
      body: () => ({ clientCertificate: { certificate: "hello", privateKey: ca.issue("x").privateKey } }),
      expected: { path: "clientCertificate.certificate", code: "invalid_certificate" },
    },
    {
      name: "a key that is no PEM",
      body: () => ({ clientCertificate: { certificate: ca.issue("x").certificate, privateKey: "nope" } }),
      expected: { path: "clientCertificate.privateKey", code: "invalid_private_key" },
    },
    {
      name: "a key of another certificate",
      body: () => ({
        clientCertificate: { certificate: ca.issue("x").certificate, privateKey: ca.issue("y").privateKey },
      }),
      expected: { path: "clientCertificate.privateKey", code: "key_mismatch" },
    },
    {
      name: "a CA that is no PEM",
      body: () => ({ caCertificate: "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----" }),
      expected: { path: "caCertificate", code: "invalid_certificate" },
    },
  ])("should refuse $name with a 422 and write nothing", async ({ body, expected }) => {
    const before = await db().endpoint.count({ where: { tenantId } });
    const response = await create({ url: receiver.url("/refused"), ...body() });
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ error: { code: "validation_failed", details: [expected] } });
    expect(await db().endpoint.count({ where: { tenantId } })).toBe(before);
  });

  it("should reuse one agent per endpoint certificate and replace it when the certificate changes", async () => {
    const endpoint = await endpointWith("/agents", { clientCertificate: ca.issue("first") });
    const base = createWebhookAgent({ allowPrivateNetworks: true, connectTimeoutMs: 2_000 });
    const configOf = async () => {
      const { rows } = await pool().query<EndpointSqlRow>(
        `SELECT ${ENDPOINT_ROW_SQL} FROM endpoints e WHERE e.id = $1`,
        [endpoint.id],
      );
      return endpointConfig(toEndpointRow(rows[0]!));
    };
    const first = endpointDispatcher(base, endpoint.id, (await configOf()).egress);
    expect(first).not.toBe(base);
    expect(endpointDispatcher(base, endpoint.id, (await configOf()).egress)).toBe(first);

    const patch = (body: object) =>
      callRoute(updateRoute, { params: { tenant: tenantId, endpoint: endpoint.id }, key, body });
    expect((await patch({ clientCertificate: ca.issue("second") })).status).toBe(200);
    const second = endpointDispatcher(base, endpoint.id, (await configOf()).egress);
    expect(second).not.toBe(first);
    expect((first as unknown as { closed: boolean }).closed).toBe(true);

    expect((await patch({ clientCertificate: null, caCertificate: null })).status).toBe(200);
    expect(endpointDispatcher(base, endpoint.id, (await configOf()).egress)).toBe(base);
    expect((second as unknown as { closed: boolean }).closed).toBe(true);
  });

  it("should announce a certificate that expires within 14 days once a day", async () => {
    await db().endpoint.updateMany({ where: { tenantId }, data: { disabledAt: new Date() } });
    const endpoint = await endpointWith("/soon", {
      clientCertificate: ca.issue("soon", { days: 5 }),
      eventTypes: ["invoice.paid", "endpoint.certificate_expiring"],
    });
    await endpointWith("/later", { clientCertificate: ca.issue("later", { days: 30 }) });
    expect(await announceExpiringCertificates()).toBe(1);
    expect(await announceExpiringCertificates()).toBe(0);
    // The Overview's "Needs attention" lists it (and not the one with 30 days left).
    const expiring = await callRoute(listRoute, {
      params: { tenant: tenantId },
      key,
      query: { status: "certificate_expiring" },
    });
    expect((expiring.body as { data: View[] }).data.map((row) => row.id)).toEqual([endpoint.id]);
    const message = await db().message.findFirstOrThrow({
      where: { tenantId, eventType: "endpoint.certificate_expiring" },
    });
    expect(message.payload).toMatchObject({ endpointId: endpoint.id, subject: "CN=soon", expired: false });
    // A day later it is announced again.
    await db().endpoint.update({
      where: { id: endpoint.id },
      data: { certificateExpiryNotifiedAt: new Date(Date.now() - 25 * 3_600_000) },
    });
    expect(await announceExpiringCertificates()).toBe(1);
  });
});
