import { Webhook as StandardWebhook } from "standardwebhooks";
import { Webhook as SvixWebhook } from "svix";
import { describe, expect, it } from "vitest";
import {
  buildSignatureHeader,
  buildWebhookHeaders,
  decodeSecret,
  generateSecret,
  InvalidSecretError,
  isValidSecret,
  signPayload,
  WEBHOOK_HEADER_NAMES,
} from "@/lib/signing";

const body = JSON.stringify({ type: "invoice.paid", timestamp: "2026-01-01T00:00:00.000Z", data: { id: 1 } });

function headersNow(secrets: string[], msgId = "msg_01JD0000000000000000000000") {
  return buildWebhookHeaders({ msgId, timestamp: new Date(), body, secrets });
}

describe("signPayload", () => {
  it("should match the published Standard Webhooks test vector", () => {
    const signature = signPayload({
      secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
      msgId: "msg_p5jXN8AQM9LWM0D4loKWxJek",
      timestamp: 1614265330,
      body: '{"test": 2432232314}',
    });
    expect(signature).toBe("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  });

  it("should sign a Date and its unix seconds identically", () => {
    const secret = generateSecret();
    const at = new Date("2026-03-04T05:06:07.890Z");
    const input = { secret, msgId: "msg_1", body };
    expect(signPayload({ ...input, timestamp: at })).toBe(
      signPayload({ ...input, timestamp: Math.floor(at.getTime() / 1000) }),
    );
  });

  it.each([
    { name: "fractional seconds", timestamp: 1.5 },
    { name: "negative seconds", timestamp: -1 },
    { name: "NaN", timestamp: Number.NaN },
    { name: "an invalid Date", timestamp: new Date("nope") },
  ])("should refuse a timestamp of $name", ({ timestamp }) => {
    expect(() => signPayload({ secret: generateSecret(), msgId: "msg_1", timestamp, body })).toThrow(RangeError);
  });

  it.each([{ msgId: "" }, { msgId: "msg_1\r\nx-evil: 1" }])("should refuse the webhook id $msgId", ({ msgId }) => {
    expect(() => signPayload({ secret: generateSecret(), msgId, timestamp: 0, body })).toThrow(RangeError);
  });
});

describe("verification by unmodified receiver libraries", () => {
  it("should verify with standardwebhooks and with svix", () => {
    const secret = generateSecret();
    const headers = headersNow([secret]);
    expect(Object.keys(headers).sort()).toEqual([...WEBHOOK_HEADER_NAMES].sort());
    expect(headers["webhook-timestamp"]).toMatch(/^\d+$/);
    expect(new StandardWebhook(secret).verify(body, { ...headers })).toEqual(JSON.parse(body));
    expect(new SvixWebhook(secret).verify(body, { ...headers })).toEqual(JSON.parse(body));
  });

  it("should verify with either secret alone during a rotation overlap", () => {
    const current = generateSecret();
    const previous = generateSecret();
    const headers = headersNow([current, previous]);
    expect(headers["webhook-signature"].split(" ")).toHaveLength(2);
    for (const secret of [current, previous]) {
      expect(() => new StandardWebhook(secret).verify(body, { ...headers })).not.toThrow();
      expect(() => new SvixWebhook(secret).verify(body, { ...headers })).not.toThrow();
    }
    expect(() => new StandardWebhook(generateSecret()).verify(body, { ...headers })).toThrow(/No matching signature/);
  });

  it.each([
    { name: "body", tamper: (h: Record<string, string>) => ({ headers: h, body: body.replace('"id":1', '"id":2') }) },
    {
      name: "timestamp",
      tamper: (h: Record<string, string>) => ({
        headers: { ...h, "webhook-timestamp": String(Number(h["webhook-timestamp"]) + 1) },
        body,
      }),
    },
    {
      name: "id",
      tamper: (h: Record<string, string>) => ({ headers: { ...h, "webhook-id": `${h["webhook-id"]}x` }, body }),
    },
  ])("should fail verification when the $name is tampered with", ({ tamper }) => {
    const secret = generateSecret();
    const tampered = tamper({ ...headersNow([secret]) });
    expect(() => new StandardWebhook(secret).verify(tampered.body, tampered.headers)).toThrow(/No matching signature/);
    expect(() => new SvixWebhook(secret).verify(tampered.body, tampered.headers)).toThrow(/No matching signature/);
  });

  it("should refuse to build headers without any secret", () => {
    expect(() => buildSignatureHeader([], { msgId: "msg_1", timestamp: 0, body })).toThrow(RangeError);
  });
});

describe("secrets", () => {
  it("should generate distinct whsec_ secrets of 32 random bytes", () => {
    const secrets = Array.from({ length: 50 }, generateSecret);
    expect(new Set(secrets).size).toBe(secrets.length);
    for (const secret of secrets) {
      expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
      expect(decodeSecret(secret)).toHaveLength(32);
    }
  });

  it.each([
    { name: "no prefix", secret: "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", message: /must start with "whsec_"/ },
    { name: "an empty key", secret: "whsec_", message: /standard base64/ },
    { name: "invalid base64", secret: "whsec_MfKQ9r8GKYqrTwjU*D8ILPZIo2LaLaSw", message: /standard base64/ },
    {
      name: "url-safe base64",
      secret: `whsec_${Buffer.alloc(32, 0xfb).toString("base64url")}`,
      message: /standard base64/,
    },
    {
      name: "a 16-byte key",
      secret: `whsec_${Buffer.alloc(16, 1).toString("base64")}`,
      message: /24 to 64 bytes, this one has 16/,
    },
    { name: "a 65-byte key", secret: `whsec_${Buffer.alloc(65, 1).toString("base64")}`, message: /this one has 65/ },
  ])("should reject a secret with $name", ({ secret, message }) => {
    expect(() => decodeSecret(secret)).toThrow(InvalidSecretError);
    expect(() => decodeSecret(secret)).toThrow(message);
    expect(isValidSecret(secret)).toBe(false);
  });

  it("should accept secrets of 24 and 64 bytes", () => {
    expect(isValidSecret(`whsec_${Buffer.alloc(24, 7).toString("base64")}`)).toBe(true);
    expect(isValidSecret(`whsec_${Buffer.alloc(64, 7).toString("base64")}`)).toBe(true);
  });
});
