import { describe, expect, it } from "vitest";
import {
  initialPolicyValues,
  newTransformationHeader,
  policyBody,
  policyErrorFromApi,
  validatePolicies,
} from "@/components/policies/policy-form-values";
import { parseScheduleText } from "@/components/policies/retry-schedule-field";
import { locate } from "@/components/policies/transformation-fields";
import { ZCreateEndpoint } from "@/lib/schemas/endpoints";

describe("the endpoint form's delivery policies", () => {
  it("reads a schedule as the API does: commas or spaces, empty inherits, the failing step named", () => {
    expect(parseScheduleText("10s, 1m 10m,1h")).toEqual({ value: ["10s", "1m", "10m", "1h"] });
    expect(parseScheduleText("  ")).toEqual({ value: null });
    expect(parseScheduleText("10s, 2x")).toEqual({ error: expect.stringMatching(/^Step 2 must be a number/) });
    expect(parseScheduleText(Array(15).fill("1d").join(","))).toEqual({ error: expect.stringContaining("14 days") });
  });

  it("sends the schedule and transformation the API's schema accepts, and none when off", () => {
    const values = {
      ...initialPolicyValues(null),
      retrySchedule: "30s, 5m",
      transform: true,
      expression: '{"id": data.id}',
      headers: [newTransformationHeader("X-Invoice", "data.id"), newTransformationHeader("", "")],
    };
    const errors: Record<string, string> = {};
    validatePolicies(values, errors);
    expect(errors).toEqual({});
    const body = policyBody(values);
    expect(body).toEqual({
      retrySchedule: ["30s", "5m"],
      transformation: { language: "jsonata", expression: '{"id": data.id}', headers: { "X-Invoice": "data.id" } },
    });
    expect(ZCreateEndpoint.safeParse({ url: "https://example.com/hook", ...body }).success).toBe(true);
    expect(policyBody({ ...values, transform: false, retrySchedule: "" })).toEqual({
      retrySchedule: null,
      transformation: null,
    });
  });

  it("refuses reserved headers and blank expressions in the browser", () => {
    const row = newTransformationHeader("webhook-id", "");
    const errors: Record<string, string> = {};
    validatePolicies({ ...initialPolicyValues(null), transform: true, expression: " ", headers: [row] }, errors);
    expect(errors).toEqual({
      "transformation.expression": expect.any(String),
      [`transformation.headers.${row.id}.name`]: "Hookline sets this header itself.",
      [`transformation.headers.${row.id}.expression`]: expect.any(String),
    });
  });

  it("puts the API's errors next to their fields", () => {
    const row = newTransformationHeader("X-A", "data.(");
    const values = { ...initialPolicyValues(null), transform: true, headers: [row] };
    const errors: Record<string, string> = {};
    expect(policyErrorFromApi("retrySchedule.1", "must be at least 1 s", values, errors)).toBe(true);
    expect(policyErrorFromApi("transformation.headers.X-A", "Expected …", values, errors)).toBe(true);
    expect(policyErrorFromApi("url", "bad", values, errors)).toBe(false);
    expect(errors).toEqual({
      retrySchedule: "Step 2 must be at least 1 s.",
      [`transformation.headers.${row.id}.expression`]: "Expected …",
    });
  });

  it("points at an error's line and column", () => {
    expect(locate('{\n  "a": data.id\n  "b": 1\n}', 19)).toEqual({ line: 3, column: 3, excerpt: '  "b": 1\n  ^' });
  });
});
