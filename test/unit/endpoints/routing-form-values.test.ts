// The routing part of the endpoint form: the filter's JSON and rules checked in the browser with
// the server's own checks, channels, the body, and the API's `filter.…` errors on the field.
import { describe, expect, it } from "vitest";
import {
  formErrorsFromApi,
  initialFormValues,
  toEndpointBody,
  validateEndpointForm,
  type EndpointFormValues,
} from "@/components/endpoints/endpoint-form-values";
import type { RoutingFormValues } from "@/components/endpoints/routing-form-values";
import { ZCreateEndpoint } from "@/lib/schemas/endpoints";

const withRouting = (routing: Partial<RoutingFormValues>): EndpointFormValues => {
  const base = { ...initialFormValues(), url: "https://example.com/hooks" };
  return { ...base, routing: { ...base.routing, ...routing } };
};

describe("endpoint form: routing", () => {
  it.each([
    { name: "broken JSON", routing: { filter: "{ amount: 1" }, field: "filter", message: /Not valid JSON/ },
    { name: "an array", routing: { filter: "[1]" }, field: "filter", message: /must be an object/ },
    {
      name: "an unknown operator",
      routing: { filter: '{"amount":{"$regex":"1"}}' },
      field: "filter",
      message: /^amount\.\$regex: unknown operator/,
    },
    { name: "a capital channel", routing: { channels: "billing, EU" }, field: "channels", message: /"EU"/ },
    {
      name: "11 channels",
      routing: { channels: Array.from({ length: 11 }, (_, i) => `c${i}`).join(" ") },
      field: "channels",
      message: /At most 10/,
    },
  ])("should refuse $name", ({ routing, field, message }) => {
    const errors = validateEndpointForm(withRouting(routing));
    expect(Object.keys(errors)).toEqual([field]);
    expect(errors[field]).toMatch(message);
  });

  it("should send the filter as an object, channels as a list and the ordering", () => {
    const values = withRouting({
      filter: '{ "amount": { "$gte": 100 } }',
      channels: "billing, eu billing",
      ordering: "fifo",
      fifoOnFailure: "pause",
    });
    expect(validateEndpointForm(values)).toEqual({});
    const body = toEndpointBody(values);
    expect(body).toMatchObject({
      filter: { amount: { $gte: 100 } },
      channels: ["billing", "eu"],
      ordering: "fifo",
      fifoOnFailure: "pause",
    });
    expect(ZCreateEndpoint.safeParse(body).success).toBe(true);
    expect(toEndpointBody(withRouting({ filter: "  " })).filter).toBeNull();
  });

  it("should show the form of a saved filter and put the API's filter errors on the field", () => {
    const values = initialFormValues({
      ...({} as NonNullable<Parameters<typeof initialFormValues>[0]>),
      url: "https://example.com",
      name: null,
      description: "",
      eventTypes: [],
      authType: null,
      rateLimit: null,
      maxConcurrency: null,
      timeoutMs: null,
      filter: { currency: "EUR" },
      channels: ["eu"],
      ordering: "fifo",
      fifoOnFailure: "skip",
    });
    expect(values.routing).toEqual({
      filter: '{\n  "currency": "EUR"\n}',
      channels: "eu",
      ordering: "fifo",
      fifoOnFailure: "skip",
    });
    expect(
      formErrorsFromApi({ "filter.amount.$gte": "must be a number or a string", "channels.0": "bad" }, values, "x"),
    ).toEqual({ filter: "amount.$gte: must be a number or a string", channels: "bad" });
  });
});
