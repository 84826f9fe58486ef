import fc from "fast-check";
import { Webhook as StandardWebhook } from "standardwebhooks";
import { Webhook as SvixWebhook } from "svix";
import { describe, expect, it } from "vitest";
import { buildEnvelope, buildWebhookHeaders, generateSecret } from "@/lib/signing";

const createdAt = new Date("2026-11-26T12:34:56.789Z");

// Payloads as a publisher's JSON can express them: fc.jsonValue() may produce -0, which JSON
// text cannot carry (JSON.stringify(-0) is "0"), so normalise through one JSON round trip.
const jsonPayload = fc.jsonValue().map((value) => JSON.parse(JSON.stringify(value)) as unknown);

describe("buildEnvelope", () => {
  it("should wrap the payload in type, timestamp and data", () => {
    const envelope = buildEnvelope({ type: "invoice.paid", createdAt, payloadJson: '{"id":"in_1","amount":100}' });
    expect(envelope).toBe(
      '{"type":"invoice.paid","timestamp":"2026-11-26T12:34:56.789Z","data":{"id":"in_1","amount":100}}',
    );
  });

  it("should insert the stored payload text verbatim (formatting, key order, big numbers)", () => {
    const payloadJson = '{ "z": 1,\n  "a": 12345678901234567890123, "f": 1.0e3 }';
    const envelope = buildEnvelope({ type: "t", createdAt, payloadJson });
    expect(envelope.endsWith(`"data":${payloadJson}}`)).toBe(true);
  });

  it("should encode a type that needs escaping", () => {
    const type = 'a"b\\c\n\u2028é';
    expect(JSON.parse(buildEnvelope({ type, createdAt, payloadJson: "null" })).type).toBe(type);
  });

  it.each([
    { name: "an empty payload", input: { type: "t", createdAt, payloadJson: "  " } },
    { name: "an invalid date", input: { type: "t", createdAt: new Date(Number.NaN), payloadJson: "{}" } },
  ])("should refuse $name", ({ input }) => {
    expect(() => buildEnvelope(input)).toThrow(RangeError);
  });

  it("should round-trip any payload and verify with both receiver libraries", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 40 }),
        jsonPayload,
        fc.boolean(),
        fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2100-01-01T00:00:00Z"), noInvalidDate: true }),
        (type, payload, pretty, created) => {
          const payloadJson = pretty ? JSON.stringify(payload, null, 2) : JSON.stringify(payload);
          const body = buildEnvelope({ type, createdAt: created, payloadJson });
          const parsed = JSON.parse(body) as { type: string; timestamp: string; data: unknown };
          expect(parsed.data).toStrictEqual(payload);
          expect(parsed.type).toBe(type);
          expect(parsed.timestamp).toBe(created.toISOString());

          const secret = generateSecret();
          const headers = buildWebhookHeaders({ msgId: "msg_prop", timestamp: new Date(), body, secrets: [secret] });
          expect(new StandardWebhook(secret).verify(body, { ...headers })).toStrictEqual(parsed);
          expect(new SvixWebhook(secret).verify(body, { ...headers })).toStrictEqual(parsed);
        },
      ),
      { numRuns: 300 },
    );
  });
});
