import { describe, expect, it } from "vitest";
import { EncryptionKeyError, keyIdOf, parseEncryptionKey } from "@/lib/crypto";

const raw = Buffer.from(Array.from({ length: 32 }, (_, index) => index));

describe("parseEncryptionKey", () => {
  it.each([
    { name: "base64", text: raw.toString("base64") },
    { name: "base64 without padding", text: raw.toString("base64").replace(/=+$/, "") },
    { name: "base64url", text: raw.toString("base64url") },
    { name: "lower-case hex", text: raw.toString("hex") },
    { name: "upper-case hex", text: raw.toString("hex").toUpperCase() },
    { name: "base64 with a trailing newline", text: `${raw.toString("base64")}\n` },
  ])("should accept $name", ({ text }) => {
    expect(parseEncryptionKey(text).equals(raw)).toBe(true);
  });

  it.each([
    { name: "an empty value", text: "  ", message: /is empty/ },
    {
      name: "16 bytes of base64",
      text: Buffer.alloc(16).toString("base64"),
      message: /must be 32 bytes, this one decodes to 16/,
    },
    { name: "31 bytes of hex", text: Buffer.alloc(31).toString("hex"), message: /must be 32 bytes/ },
    { name: "a passphrase", text: "correct horse battery staple", message: /base64 or as 64 hex digits/ },
  ])("should reject $name with a clear error", ({ text, message }) => {
    expect(() => parseEncryptionKey(text)).toThrow(EncryptionKeyError);
    expect(() => parseEncryptionKey(text)).toThrow(message);
  });
});

describe("keyIdOf", () => {
  it("should be the first 8 hex digits of the key's SHA-256", () => {
    // sha256 of the bytes 0x00..0x1f, computed independently (Python hashlib).
    expect(keyIdOf(raw)).toBe("630dcd29");
  });
});
