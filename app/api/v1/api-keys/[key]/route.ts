// GET /api/v1/api-keys/:key – get an API key's metadata
// DELETE /api/v1/api-keys/:key – revoke an API key
import { NextResponse } from "next/server";
import { getApiKey, revokeApiKey } from "@/lib/api-keys";
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { withApiKey } from "@/lib/api/with-api-key";

type Params = { key: string };

export const GET = withApiKey<Params>(async ({ params, principal }) => NextResponse.json(await getApiKey(principal, params.key)));

export const DELETE = withApiKey<Params>(async ({ params, principal }) => NextResponse.json(await revokeApiKey(principal, params.key)));

export const { POST, PUT, PATCH } = methodNotAllowed("GET", "DELETE");
