// Receiver JWTs: the claims of one try, and the endpoint schema's rules for `auth: {type: "jwt"}`.
import { createHash } from "node:crypto";
import { jwtVerify, decodeProtectedHeader } from "jose";
import { describe, expect, it } from "vitest";
import { ZCreateEndpoint, ZEndpointAuth } from "@/lib/schemas/endpoints";
import { bodySha256, mintReceiverJwt, receiverJwtClaims, RECEIVER_JWT_LIFETIME_S } from "@/lib/sending/receiver-jwt";

const SECRET = "a-shared-secret-of-at-least-32-bytes!";
const input = { tenantId: "tnt_01JD0000000000000000000000", url: "https://example.com/hook", body: '{"data":"é"}' };

describe("receiver JWT claims", () => {
  it("should bind the token to the tenant, the audience and the exact body", () => {
    const now = Date.UTC(2026, 0, 1, 12, 0, 0, 600);
    const auth = { type: "jwt" as const, algorithm: "EdDSA" as const };
    const claims = receiverJwtClaims(auth, input, "https://hooks.example.com", now, "jti-1");
    expect(claims).toEqual({
      iss: "https://hooks.example.com",
      aud: "https://example.com/hook",
      sub: input.tenantId,
      iat: Math.floor(now / 1000),
      exp: Math.floor(now / 1000) + RECEIVER_JWT_LIFETIME_S,
      jti: "jti-1",
      body_sha256: createHash("sha256").update(Buffer.from(input.body, "utf8")).digest("base64url"),
    });
    expect(receiverJwtClaims({ ...auth, audience: "billing" }, input, "iss").aud).toBe("billing");
    expect(bodySha256("")).toBe("47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU");
  });

  it("should give every try its own jti", () => {
    const auth = { type: "jwt" as const, algorithm: "ES256" as const };
    expect(receiverJwtClaims(auth, input, "iss").jti).not.toBe(receiverJwtClaims(auth, input, "iss").jti);
  });

  it("should mint an HS256 token that verifies with the shared secret, with a kid naming the secret", async () => {
    const token = await mintReceiverJwt({ type: "jwt", algorithm: "HS256", secret: SECRET }, input);
    const { payload, protectedHeader } = await jwtVerify(token, new TextEncoder().encode(SECRET), {
      audience: input.url,
      subject: input.tenantId,
      algorithms: ["HS256"],
    });
    expect(protectedHeader).toMatchObject({ alg: "HS256", typ: "JWT", kid: expect.stringMatching(/^hs256-/) });
    expect(protectedHeader.kid).not.toContain(SECRET.slice(0, 8));
    expect(payload.body_sha256).toBe(bodySha256(input.body));
    const other = await mintReceiverJwt({ type: "jwt", algorithm: "HS256", secret: `${SECRET}2` }, input);
    expect(decodeProtectedHeader(other).kid).not.toBe(protectedHeader.kid);
  });
});

describe("JWT receiver authentication in the endpoint schema", () => {
  const cases: Array<{ name: string; auth: unknown; path?: string }> = [
    { name: "HS256 without a secret", auth: { type: "jwt", algorithm: "HS256" }, path: "auth.secret" },
    {
      name: "HS256 with a 31-byte secret",
      auth: { type: "jwt", algorithm: "HS256", secret: "x".repeat(31) },
      path: "auth.secret",
    },
    { name: "a secret with EdDSA", auth: { type: "jwt", algorithm: "EdDSA", secret: SECRET }, path: "auth.secret" },
    { name: "an unknown algorithm", auth: { type: "jwt", algorithm: "none" }, path: "auth.algorithm" },
    { name: "an unknown field", auth: { type: "jwt", algorithm: "RS256", issuer: "me" }, path: "auth" },
    {
      name: "a reserved header",
      auth: { type: "jwt", algorithm: "RS256", header: "webhook-signature" },
      path: "auth.header",
    },
  ];
  it.each(cases)("should refuse $name", ({ auth, path }) => {
    const result = ZCreateEndpoint.safeParse({ url: "https://example.com", auth });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => issue.path.join("."))).toContain(path);
  });

  it("should accept each algorithm, a 32-byte HS256 secret (counted in bytes) and another header", () => {
    for (const algorithm of ["EdDSA", "ES256", "RS256"])
      expect(ZEndpointAuth.parse({ type: "jwt", algorithm })).toBeTruthy();
    expect(ZEndpointAuth.parse({ type: "jwt", algorithm: "HS256", secret: "é".repeat(16) })).toBeTruthy();
    expect(ZEndpointAuth.parse({ type: "jwt", algorithm: "ES256", header: "X-Hookline-JWT" })).toMatchObject({
      header: "x-hookline-jwt",
    });
  });
});
