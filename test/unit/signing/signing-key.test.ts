// v1a (Standard Webhooks asymmetric signatures): whsk_/whpk_ encodings, the RFC 8032 test
// vector, and verification the way a receiver does it, with Node's crypto.verify.
import { createPublicKey, verify } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  buildWebhookHeaders,
  generateSecret,
  generateSigningKey,
  isValidSigningKey,
  publicKeyOf,
  signPayload,
} from "@/lib/signing";
import { signV1a } from "@/lib/signing/signing-key";

// RFC 8032 section 7.1, TEST 1: seed, public key, and the signature of the empty message.
const RFC_SEED = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
const RFC_PUBLIC = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
const RFC_SIGNATURE =
  "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b";

const whsk = (hex: string) => `whsk_${Buffer.from(hex, "hex").toString("base64")}`;

/** What a receiver does with the whpk_ key it was given (docs/RECEIVING.md). */
function receiverVerifies(publicKey: string, signedContent: string, signature: string): boolean {
  const raw = Buffer.from(publicKey.slice("whpk_".length), "base64");
  const key = createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: raw.toString("base64url") }, format: "jwk" });
  return verify(null, Buffer.from(signedContent), key, Buffer.from(signature.slice("v1a,".length), "base64"));
}

describe("v1a signing keys", () => {
  it("should read whsk_ as the base64 seed and give whpk_ as the base64 public key (RFC 8032 vector)", () => {
    const key = whsk(RFC_SEED);
    expect(publicKeyOf(key)).toBe(`whpk_${Buffer.from(RFC_PUBLIC, "hex").toString("base64")}`);
    expect(signV1a(key, "")).toBe(`v1a,${Buffer.from(RFC_SIGNATURE, "hex").toString("base64")}`);
  });

  it("should generate 32-byte keys in standard base64", () => {
    const key = generateSigningKey();
    expect(key).toMatch(/^whsk_[A-Za-z0-9+/]{43}=$/);
    expect(publicKeyOf(key)).toMatch(/^whpk_[A-Za-z0-9+/]{43}=$/);
    expect(generateSigningKey()).not.toBe(key);
  });

  it.each([
    ["no prefix", Buffer.alloc(32, 1).toString("base64")],
    ["a v1 secret", generateSecret()],
    ["31 bytes", `whsk_${Buffer.alloc(31, 1).toString("base64")}`],
    ["64 bytes (a libsodium secret key, not a seed)", `whsk_${Buffer.alloc(64, 1).toString("base64")}`],
    ["not base64", "whsk_!!!!"],
  ])("should refuse %s", (_name, key) => {
    expect(isValidSigningKey(key)).toBe(false);
  });

  it("should sign `id.timestamp.body` so that a receiver's crypto.verify accepts it, and nothing else", () => {
    const key = generateSigningKey();
    const input = { msgId: "msg_01JD0000000000000000000000", timestamp: 1_767_225_600, body: '{"a":1}' };
    const signature = signPayload({ ...input, secret: key });
    expect(signature).toMatch(/^v1a,[A-Za-z0-9+/]{86}==$/);
    const content = `${input.msgId}.${input.timestamp}.${input.body}`;
    expect(receiverVerifies(publicKeyOf(key), content, signature)).toBe(true);
    expect(receiverVerifies(publicKeyOf(key), content.replace("1}", "2}"), signature)).toBe(false);
    expect(receiverVerifies(publicKeyOf(generateSigningKey()), content, signature)).toBe(false);
  });

  it("should carry a v1 and a v1a signature side by side during a rotation between schemes", () => {
    const [v1a, v1] = [generateSigningKey(), generateSecret()];
    const headers = buildWebhookHeaders({ msgId: "msg_1", timestamp: new Date(), body: "{}", secrets: [v1a, v1] });
    const [first, second] = headers["webhook-signature"].split(" ");
    expect(first).toMatch(/^v1a,/);
    expect(second).toMatch(/^v1,/);
    const content = `msg_1.${headers["webhook-timestamp"]}.{}`;
    expect(receiverVerifies(publicKeyOf(v1a), content, first!)).toBe(true);
  });
});
