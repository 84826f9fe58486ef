import { describe, expect, it } from "vitest";
import {
  DecryptionError,
  decryptJson,
  decryptSecret,
  encryptJson,
  encryptSecret,
  EncryptionKeyError,
  generateEncryptionKey,
  keyIdOf,
} from "@/lib/crypto";

const key = generateEncryptionKey();

/** Flips one bit of the given base64url part (2 = iv, 3 = tag, 4 = ciphertext) and re-encodes it. */
function tamper(value: string, partIndex: number): string {
  const parts = value.split(".");
  const bytes = Buffer.from(parts[partIndex]!, "base64url");
  bytes[0]! ^= 0x01;
  parts[partIndex] = bytes.toString("base64url");
  return parts.join(".");
}

describe("encryptSecret / decryptSecret", () => {
  it.each([
    { name: "a signing secret", plaintext: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw" },
    { name: "an empty string", plaintext: "" },
    { name: "unicode", plaintext: "pässwörd 🔐 密码" },
    { name: "a long value", plaintext: "x".repeat(100_000) },
  ])("should round-trip $name", ({ plaintext }) => {
    expect(decryptSecret(encryptSecret(plaintext, key), [key])).toBe(plaintext);
  });

  it("should produce the compact v1 format naming the key", () => {
    const value = encryptSecret("secret", key);
    expect(value).toMatch(/^v1\.[0-9a-f]{8}\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]+$/);
    expect(value.split(".")[1]).toBe(keyIdOf(key));
    expect(value).not.toContain("secret");
  });

  it("should use a random IV, so equal plaintexts encrypt differently", () => {
    const values = Array.from({ length: 20 }, () => encryptSecret("same", key));
    expect(new Set(values).size).toBe(values.length);
    expect(new Set(values.map((value) => value.split(".")[2])).size).toBe(values.length);
  });

  it("should fail with a clear error for a key that did not write the value", () => {
    const value = encryptSecret("secret", key);
    const other = generateEncryptionKey();
    expect(() => decryptSecret(value, [other])).toThrow(DecryptionError);
    expect(() => decryptSecret(value, [other])).toThrow(
      `written with key ${keyIdOf(key)}, which is not among the configured keys (${keyIdOf(other)})`,
    );
    expect(() => decryptSecret(value, [])).toThrow("No encryption keys are configured");
  });

  it.each([
    { name: "IV", part: 2 },
    { name: "tag", part: 3 },
    { name: "ciphertext", part: 4 },
  ])("should detect a tampered $name", ({ part }) => {
    const tampered = tamper(encryptSecret("secret value", key), part);
    expect(() => decryptSecret(tampered, [key])).toThrow(DecryptionError);
    expect(() => decryptSecret(tampered, [key])).toThrow(/failed authentication.*altered or the key is wrong/);
  });

  it("should detect a key id swapped for another configured key's", () => {
    const other = generateEncryptionKey();
    const value = encryptSecret("secret", key).replace(keyIdOf(key), keyIdOf(other));
    expect(() => decryptSecret(value, [key, other])).toThrow(/failed authentication/);
  });

  it.each([
    { name: "plaintext", value: "whsec_abc" },
    { name: "too few parts", value: "v1.abcdef12.AAAA.BBBB" },
    { name: "an unknown version", value: "v9.abcdef12.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA.AA" },
    { name: "a bad key id", value: "v1.ABCDEF12.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA.AA" },
    { name: "non-base64url characters", value: "v1.abcdef12.AAAA+AAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA.AA" },
    { name: "a short IV", value: "v1.abcdef12.AAAA.AAAAAAAAAAAAAAAAAAAAAA.AA" },
  ])("should reject a malformed value ($name)", ({ value }) => {
    expect(() => decryptSecret(value, [key])).toThrow(DecryptionError);
  });

  it("should read values written by an old key after a rotation", () => {
    const oldKey = generateEncryptionKey();
    const newKey = generateEncryptionKey();
    const written = encryptSecret("written before the rotation", oldKey);
    expect(decryptSecret(written, [newKey, oldKey])).toBe("written before the rotation");
    const rewritten = encryptSecret(decryptSecret(written, [newKey, oldKey]), newKey);
    expect(rewritten.split(".")[1]).toBe(keyIdOf(newKey));
    expect(decryptSecret(rewritten, [newKey])).toBe("written before the rotation");
  });

  it("should refuse keys that are not 32 bytes", () => {
    expect(() => encryptSecret("x", Buffer.alloc(16))).toThrow(EncryptionKeyError);
    expect(() => decryptSecret(encryptSecret("x", key), [Buffer.alloc(31)])).toThrow(EncryptionKeyError);
  });
});

describe("encryptJson / decryptJson", () => {
  it("should round-trip custom headers and receiver auth objects", () => {
    const headers = { "X-Api-Key": "k_123", "X-Tenant": "acme" };
    const auth = { type: "oauth2", tokenUrl: "https://auth.example.com/token", clientId: "id", clientSecret: "s3cr3t" };
    expect(decryptJson(encryptJson(headers, key), [key])).toEqual(headers);
    expect(decryptJson(encryptJson(auth, key), [key])).toEqual(auth);
  });

  it("should hand the parsed value to a validating parse function", () => {
    const parseHeaders = (value: unknown): Record<string, string> => {
      if (typeof value !== "object" || value === null) throw new TypeError("not an object");
      return value as Record<string, string>;
    };
    const headers: Record<string, string> = decryptJson(encryptJson({ a: "b" }, key), [key], parseHeaders);
    expect(headers).toEqual({ a: "b" });
    expect(() => decryptJson(encryptJson("text", key), [key], parseHeaders)).toThrow("not an object");
  });

  it("should refuse values that are not JSON", () => {
    expect(() => encryptJson(undefined, key)).toThrow(TypeError);
    expect(() => decryptJson(encryptSecret("not json", key), [key])).toThrow("does not hold JSON");
  });
});
