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
import { ZCreateEndpoint } from "@/lib/schemas/endpoints";

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
    });
    expect(ZCreateEndpoint.safeParse(body).success).toBe(true);
    // A blank name is sent as null: on an edit, that clears the stored one.
    expect(toEndpointBody(valid({ name: "  " })).name).toBeNull();
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
});
