// Which scheme an endpoint signs with follows from its key: a whsec_ secret signs v1 (HMAC), a
// whsk_ key v1a (ed25519). The endpoint's signature_scheme column says which kind new keys are
// (and what lists show without decrypting anything); these helpers keep the two in agreement.
import "server-only";
import { AppError } from "@/lib/errors";
import type { TSignatureScheme } from "@/lib/schemas/endpoints";
import { generateSecret, generateSigningKey, publicKeyOf, SIGNING_KEY_PREFIX } from "@/lib/signing";

export function schemeOfSecret(secret: string): TSignatureScheme {
  return secret.startsWith(SIGNING_KEY_PREFIX) ? "v1a" : "v1";
}

export function generateSecretFor(scheme: TSignatureScheme): string {
  return scheme === "v1a" ? generateSigningKey() : generateSecret();
}

/** The secret and scheme of a new endpoint: a given secret must be of the scheme asked for. */
export function resolveSigning(given: string | undefined, scheme: TSignatureScheme | undefined) {
  if (given && scheme && schemeOfSecret(given) !== scheme) {
    const message = `a ${scheme} endpoint needs a ${scheme === "v1a" ? "whsk_" : "whsec_"} secret`;
    throw new AppError("validation_failed", message, [{ path: "secret", message, code: "scheme_mismatch" }]);
  }
  const secret = given ?? generateSecretFor(scheme ?? "v1");
  return { secret, signatureScheme: schemeOfSecret(secret) };
}

/** What a receiver verifies with: the whsec_ secret (v1) or the whpk_ public key (v1a). */
export function verificationKeyOf(secret: string) {
  const signatureScheme = schemeOfSecret(secret);
  return signatureScheme === "v1a"
    ? { signatureScheme, secret: null, publicKey: publicKeyOf(secret) }
    : { signatureScheme, secret, publicKey: null };
}
