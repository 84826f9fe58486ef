// GET /.well-known/jwks.json – the public keys of receiver JWTs (EdDSA, ES256, RS256), for
// receivers' gateways to verify tokens with. Public by design; a rotated-out key stays listed for
// its grace period. Five minutes of caching: verifiers refetch on an unknown kid anyway.
import { NextResponse } from "next/server";
import { handleApiError } from "@/lib/api/handle-api-error";
import { requestIdOf } from "@/lib/api/with-auth";
import { publishedJwks } from "@/lib/signing/jwt-keys";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  try {
    return NextResponse.json(await publishedJwks(), {
      headers: {
        "content-type": "application/jwk-set+json",
        "cache-control": "public, max-age=300, stale-while-revalidate=60",
      },
    });
  } catch (error) {
    return handleApiError(error, requestIdOf(request));
  }
}
