import { describe, expect, it } from "vitest";
import { causeLabel, incidentCause } from "@/lib/incidents/incident-cause";

describe("incidentCause", () => {
  const cases = [
    { name: "a 503", input: { status: 503, errorKind: null }, expected: "http_5xx" },
    { name: "a 500", input: { status: 500, errorKind: null }, expected: "http_5xx" },
    { name: "a 404", input: { status: 404, errorKind: null }, expected: "http_4xx" },
    { name: "a 429", input: { status: 429, errorKind: null }, expected: "http_4xx" },
    { name: "a redirect", input: { status: 302, errorKind: null }, expected: "http_3xx" },
    { name: "a status out of range", input: { status: 999, errorKind: null }, expected: "http_other" },
    { name: "a timeout", input: { status: null, errorKind: "timeout" as const }, expected: "timeout" },
    { name: "a refused connection", input: { status: null, errorKind: "connect" as const }, expected: "connect" },
    { name: "a TLS error", input: { status: null, errorKind: "tls" as const }, expected: "tls" },
    {
      name: "a blocked address",
      input: { status: null, errorKind: "ssrf_blocked" as const },
      expected: "ssrf_blocked",
    },
    {
      name: "a failed transformation",
      input: { status: null, errorKind: "transformation" as const },
      expected: "transformation",
    },
    { name: "no status and no kind", input: { status: null, errorKind: null }, expected: "error" },
  ];
  for (const { name, input, expected } of cases)
    it(`should group ${name} as ${expected}`, () => expect(incidentCause(input)).toBe(expected));

  it("should name every cause for people, and fall back to the cause's words", () => {
    expect(causeLabel("http_5xx")).toBe("HTTP 5xx answers");
    expect(causeLabel("success_rate")).toBe("Success rate below its baseline");
    expect(causeLabel("invalid_response")).toBe("invalid response");
  });
});
