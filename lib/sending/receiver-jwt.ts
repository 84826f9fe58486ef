// Receiver JWTs: a fresh token on every try, signed with `jose`, which receivers' gateways
// verify against /.well-known/jwks.json (EdDSA, ES256, RS256) or a shared secret (HS256). The
// `body_sha256` claim binds the token to the exact bytes sent, and the 5-minute `exp` with a
// per-try `jti` bounds replay: a stolen token cannot carry another body, nor live long.
import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { SignJWT } from "jose";
import { env } from "@/lib/env";
import type { TEndpointAuth } from "@/lib/schemas/endpoints";
import { currentJwtKey } from "@/lib/signing/jwt-keys";
import { processState } from "@/lib/process-state";

export const RECEIVER_JWT_LIFETIME_S = 300;

export type JwtAuth = Extract<TEndpointAuth, { type: "jwt" }>;

export interface ReceiverJwtInput {
  tenantId: string;
  /** The endpoint URL: the audience unless the endpoint names one. */
  url: string;
  /** The exact request body. */
  body: string;
}

export interface ReceiverJwtClaims {
  iss: string;
  aud: string;
  sub: string;
  iat: number;
  exp: number;
  jti: string;
  body_sha256: string;
}

/** base64url of SHA-256 of the body's UTF-8 bytes, as the `body_sha256` claim carries it. */
export function bodySha256(body: string): string {
  return createHash("sha256").update(body, "utf8").digest("base64url");
}

/** The claims of one try's token (pure, for tests and for mintReceiverJwt). */
export function receiverJwtClaims(
  auth: JwtAuth,
  input: ReceiverJwtInput,
  issuer: string,
  now = Date.now(),
  jti: string = randomUUID(),
): ReceiverJwtClaims {
  const iat = Math.floor(now / 1000);
  return {
    iss: issuer,
    aud: auth.audience ?? input.url,
    sub: input.tenantId,
    iat,
    exp: iat + RECEIVER_JWT_LIFETIME_S,
    jti,
    body_sha256: bodySha256(input.body),
  };
}

// HS256 keys are the secret's bytes; their kid names the secret without revealing it (a hash
// prefix of a ≥ 32-byte secret), so a receiver sees when an endpoint's secret changed.
const hmacKeys = () =>
  processState("receiver-jwt.hmac-keys", () => new Map<string, { kid: string; key: Uint8Array }>());

function hmacKey(secret: string) {
  const cache = hmacKeys();
  let entry = cache.get(secret);
  if (!entry) {
    if (cache.size >= 10_000) cache.clear();
    const kid = `hs256-${createHash("sha256").update(`hookline-jwt-kid:${secret}`).digest("base64url").slice(0, 16)}`;
    entry = { kid, key: new TextEncoder().encode(secret) };
    cache.set(secret, entry);
  }
  return entry;
}

export async function mintReceiverJwt(auth: JwtAuth, input: ReceiverJwtInput): Promise<string> {
  const settings = env();
  const claims = receiverJwtClaims(auth, input, settings.HOOKLINE_JWT_ISSUER);
  const { kid, key } = auth.algorithm === "HS256" ? hmacKey(auth.secret!) : await currentJwtKey(auth.algorithm);
  return new SignJWT({ ...claims }).setProtectedHeader({ alg: auth.algorithm, kid, typ: "JWT" }).sign(key);
}
