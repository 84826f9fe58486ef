// The endpoint form's browser-side checks and the body it sends: the same limits as the API
// (lib/schemas/endpoint-rules), credentials kept when left blank, and the API's field errors
// put back on the form's fields.
import { describe, expect, it } from "vitest";
import {
  formErrorsFromApi,
  initialFormValues,
  newHeaderRow,
  toEndpointBody,
  validateEndpointForm,
  type EndpointFormValues,
} from "@/components/endpoints/endpoint-form-values";
import { initialEgressValues, type EgressFormValues } from "@/components/endpoints/egress-form-values";
import type { EndpointView } from "@/components/endpoints/use-endpoint";
import { ZCreateEndpoint, ZUpdateEndpoint } from "@/lib/schemas/endpoints";

const valid = (patch: Partial<EndpointFormValues> = {}): EndpointFormValues => ({
  ...initialFormValues(),
  url: "https://example.com/hooks",
  ...patch,
});

describe("endpoint form", () => {
  const header = newHeaderRow("X-Team", "payments");
  it.each([
    { name: "an empty URL", values: valid({ url: " " }), path: "url" },
    { name: "an ftp URL", values: valid({ url: "ftp://example.com/x" }), path: "url" },
    { name: "no URL at all but a path", values: valid({ url: "/hooks" }), path: "url" },
    {
      name: "chosen types but none picked",
      values: valid({ allEventTypes: false, eventTypes: [] }),
      path: "eventTypes",
    },
    {
      name: "a reserved header",
      values: valid({ headers: [{ ...header, name: "Webhook-Signature" }] }),
      path: `headers.${header.id}.name`,
    },
    {
      name: "a header name with a space",
      values: valid({ headers: [{ ...header, name: "X Team" }] }),
      path: `headers.${header.id}.name`,
    },
    {
      name: "a header value without a name",
      values: valid({ headers: [{ ...header, name: "" }] }),
      path: `headers.${header.id}.name`,
    },
    { name: "a rate limit of 0", values: valid({ rateLimit: "0" }), path: "rateLimit" },
    { name: "a fractional rate limit", values: valid({ rateLimit: "1.5" }), path: "rateLimit" },
    { name: "a timeout of 61 s", values: valid({ timeoutSeconds: "61" }), path: "timeoutMs" },
    {
      name: "bearer auth without a token",
      values: valid({ auth: { ...valid().auth, type: "bearer" } }),
      path: "auth.token",
    },
    {
      name: "OAuth2 with a bad token URL",
      values: valid({ auth: { ...valid().auth, type: "oauth2", tokenUrl: "nope", clientId: "c", clientSecret: "s" } }),
      path: "auth.tokenUrl",
    },
  ])("should refuse $name", ({ values, path }) => {
    expect(Object.keys(validateEndpointForm(values))).toEqual([path]);
  });

  it("should refuse the same header twice, whatever its case", () => {
    const second = newHeaderRow("x-team", "other");
    expect(validateEndpointForm(valid({ headers: [header, second] }))).toEqual({
      [`headers.${second.id}.name`]: "This header is already in the list.",
    });
  });

  it("should send what the API's own schema accepts", () => {
    const values = valid({
      name: " Billing receiver ",
      description: " Billing ",
      allEventTypes: false,
      eventTypes: ["invoice.paid"],
      headers: [header, newHeaderRow("", "")],
      auth: { ...valid().auth, type: "basic", username: "hook", password: "pw" },
      rateLimit: "50",
      timeoutSeconds: "10",
    });
    expect(validateEndpointForm(values)).toEqual({});
    const body = toEndpointBody(values);
    expect(body).toEqual({
      name: "Billing receiver",
      url: "https://example.com/hooks",
      description: "Billing",
      eventTypes: ["invoice.paid"],
      headers: { "X-Team": "payments" },
      auth: { type: "basic", username: "hook", password: "pw" },
      rateLimit: 50,
      maxConcurrency: null,
      timeoutMs: 10_000,
      filter: null,
      channels: [],
      ordering: "none",
      fifoOnFailure: "skip",
      retrySchedule: null,
      transformation: null,
      traceContext: true,
    });
    expect(ZCreateEndpoint.safeParse(body).success).toBe(true);
    // A blank name is sent as null: on an edit, that clears the stored one.
    expect(toEndpointBody(valid({ name: "  " })).name).toBeNull();
  });

  it("should send a polling endpoint without a URL or the settings only a push uses", () => {
    const values = valid({
      type: "polling",
      url: "left over from the webhook choice",
      rateLimit: "0",
      timeoutSeconds: "abc",
      auth: { ...valid().auth, type: "bearer", token: "" },
    });
    // Hidden fields are not checked: nothing in them blocks the submit.
    expect(validateEndpointForm(values)).toEqual({});
    const body = toEndpointBody(values);
    expect(body).toMatchObject({ url: "", rateLimit: null, maxConcurrency: null, timeoutMs: null });
    expect(body).not.toHaveProperty("auth");
    expect(ZCreateEndpoint.safeParse({ ...body, type: "polling" }).success).toBe(true);
    // Editing a polling endpoint that somehow holds credentials removes them.
    expect(toEndpointBody(values, "bearer").auth).toBeNull();
  });

  it("should leave out what the hidden push-only cards still hold when polling is chosen", () => {
    const values = valid({
      type: "polling",
      headers: [newHeaderRow("X-Team", "payments")],
      policies: { ...valid().policies, transform: true, expression: "{ 'id': data.id }" },
      egress: { ...initialEgressValues(), caCertificate: "-----BEGIN CERTIFICATE-----", proxy: "custom" },
    });
    const body = toEndpointBody(values);
    expect(body).toMatchObject({ headers: {}, transformation: null });
    expect(body).not.toHaveProperty("caCertificate");
    expect(body).not.toHaveProperty("proxyUrl");
    // The same values for a webhook endpoint send all of it.
    const pushed = toEndpointBody({ ...values, type: "webhook" });
    expect(pushed).toMatchObject({ headers: { "X-Team": "payments" }, caCertificate: expect.any(String) });
    expect(pushed.transformation).not.toBeNull();
  });

  it("should keep stored credentials when their fields stay blank, and remove them on None", () => {
    const stored = valid({ auth: { ...valid().auth, type: "bearer" } });
    expect(validateEndpointForm(stored, "bearer")).toEqual({});
    expect(toEndpointBody(stored, "bearer")).not.toHaveProperty("auth");
    expect(toEndpointBody(valid(), "bearer").auth).toBeNull();
    expect(toEndpointBody(valid(), null)).not.toHaveProperty("auth");
  });

  it("should put the API's field errors on the form's fields", () => {
    const values = valid({ headers: [header] });
    expect(
      formErrorsFromApi(
        { url: "bad url", "headers.X-Team": "nope", timeoutMs: "too long", "auth.clientId": "missing", secret: "odd" },
        values,
        "fallback",
      ),
    ).toEqual({
      url: "bad url",
      [`headers.${header.id}.name`]: "nope",
      timeoutMs: "too long",
      "auth.clientId": "missing",
      form: "odd",
    });
    expect(formErrorsFromApi({}, values, "The request is not valid.")).toEqual({ form: "The request is not valid." });
  });

  describe("egress", () => {
    const PEM = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----";
    const KEY = "-----BEGIN PRIVATE KEY-----\nMIGH\n-----END PRIVATE KEY-----";
    const details = {
      subject: "CN=hookline",
      issuer: "CN=hookline",
      fingerprint: "AB:CD",
      notBefore: "2026-01-01T00:00:00.000Z",
      notAfter: "2027-01-01T00:00:00.000Z",
    };
    const stored = (patch: Partial<EndpointView> = {}) =>
      ({
        clientCertificate: details,
        caCertificate: details,
        proxyMode: "custom",
        proxyUrl: "http://****@proxy.example.com:3128/",
        traceContext: true,
        ...patch,
      }) as EndpointView;
    const egress = (patch: Partial<EgressFormValues>, endpoint?: EndpointView) =>
      valid({ egress: { ...initialEgressValues(endpoint), ...patch } });
    const egressOf = (body: ReturnType<typeof toEndpointBody>) => ({
      clientCertificate: body.clientCertificate,
      caCertificate: body.caCertificate,
      proxyUrl: body.proxyUrl,
      traceContext: body.traceContext,
    });

    it("should start a new endpoint on the server's proxy with trace context, and send nothing else", () => {
      const body = toEndpointBody(valid());
      expect(egressOf(body)).toEqual({ traceContext: true });
      expect(body).not.toHaveProperty("proxyUrl");
      expect(body).not.toHaveProperty("clientCertificate");
    });

    it("should map the proxy choice to absent, null or the URL on create", () => {
      const create = (patch: Partial<EgressFormValues>) => egressOf(toEndpointBody(egress(patch)));
      expect(create({ proxy: "none", traceContext: false })).toEqual({ proxyUrl: null, traceContext: false });
      expect(create({ proxy: "custom", proxyUrl: " http://u:p@proxy.example.com:3128 " }).proxyUrl).toBe(
        "http://u:p@proxy.example.com:3128",
      );
      expect(create({ proxy: "default", proxyUrl: "http://left.over:1" }).proxyUrl).toBeUndefined();
      const body = toEndpointBody(egress({ certificate: ` ${PEM}\n`, privateKey: KEY, caCertificate: PEM }));
      expect(egressOf(body)).toEqual({
        clientCertificate: { certificate: PEM, privateKey: KEY },
        caCertificate: PEM,
        traceContext: true,
      });
      expect(ZCreateEndpoint.safeParse(body).success).toBe(true);
    });

    it('should keep what is stored unless replaced or removed, and send "default" to go back to the server\'s proxy', () => {
      const endpoint = stored();
      const edit = (patch: Partial<EgressFormValues>) => toEndpointBody(egress(patch, endpoint), null, null, endpoint);
      // Nothing touched: the stored certificate, CA and own proxy (with its masked credentials) stay.
      expect(egressOf(edit({}))).toEqual({ traceContext: true });
      expect(egressOf(edit({ certificate: PEM, privateKey: KEY }))).toEqual({
        clientCertificate: { certificate: PEM, privateKey: KEY },
        traceContext: true,
      });
      expect(egressOf(edit({ certificateAction: "remove", caAction: "remove" }))).toEqual({
        clientCertificate: null,
        caCertificate: null,
        traceContext: true,
      });
      expect(edit({ proxy: "default" }).proxyUrl).toBe("default");
      expect(edit({ proxy: "none" }).proxyUrl).toBeNull();
      expect(edit({ proxyUrl: "http://other.example.com:8080" }).proxyUrl).toBe("http://other.example.com:8080");
      expect(ZUpdateEndpoint.safeParse(edit({ proxy: "default", certificateAction: "remove" })).success).toBe(true);
      // An endpoint already on the server's proxy: choosing it again sends nothing.
      const onDefault = stored({ proxyMode: "default", proxyUrl: null, clientCertificate: null });
      const body = toEndpointBody(egress({ certificateAction: "remove" }, onDefault), null, null, onDefault);
      expect(egressOf(body)).toEqual({ traceContext: true });
    });

    it("should refuse half a certificate and an own proxy without a URL", () => {
      expect(validateEndpointForm(egress({ certificate: PEM }))).toEqual({
        "clientCertificate.privateKey": "Add the certificate's private key too.",
      });
      expect(Object.keys(validateEndpointForm(egress({ privateKey: KEY })))).toEqual(["clientCertificate.certificate"]);
      expect(Object.keys(validateEndpointForm(egress({ proxy: "custom", proxyUrl: " " })))).toEqual(["proxyUrl"]);
      expect(Object.keys(validateEndpointForm(egress({ proxy: "custom", proxyUrl: "socks5://p:1" })))).toEqual([
        "proxyUrl",
      ]);
      expect(Object.keys(validateEndpointForm(egress({ caCertificate: "x".repeat(64 * 1024 + 1) })))).toEqual([
        "caCertificate",
      ]);
    });

    it("should put the API's certificate and proxy errors next to their fields", () => {
      expect(
        formErrorsFromApi(
          {
            "clientCertificate.privateKey": "does not belong to the certificate",
            "clientCertificate.certificate": "is not a PEM certificate (BEGIN CERTIFICATE)",
            caCertificate: "certificate 1 of the PEM could not be parsed",
            proxyUrl: "must have no path or query",
          },
          valid(),
          "fallback",
        ),
      ).toEqual({
        "clientCertificate.privateKey": "The private key does not belong to the certificate.",
        "clientCertificate.certificate": "The certificate is not a PEM certificate (BEGIN CERTIFICATE).",
        caCertificate: "certificate 1 of the PEM could not be parsed",
        proxyUrl: "The proxy URL must have no path or query.",
      });
    });
  });
});
