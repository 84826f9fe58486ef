-- Standard Webhooks asymmetric signatures: which scheme an endpoint's key signs with (v1: HMAC
-- with a whsec_ secret; v1a: ed25519 with a whsk_ key, the receiver holds the whpk_ public key).
ALTER TABLE "endpoints" ADD COLUMN "signature_scheme" TEXT NOT NULL DEFAULT 'v1';

-- The instance's keys for receiver JWTs, published at /.well-known/jwks.json.
CREATE TABLE "jwt_signing_keys" (
    "kid" TEXT NOT NULL,
    "algorithm" TEXT NOT NULL,
    "private_jwk_enc" TEXT NOT NULL,
    "public_jwk" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "retires_at" TIMESTAMPTZ(3),

    CONSTRAINT "jwt_signing_keys_pkey" PRIMARY KEY ("kid")
);
