// GET /api/v1/api-keys/:key – get an API key's metadata
// DELETE /api/v1/api-keys/:key – revoke an API key
import { NextResponse } from "next/server";
import { getApiKey, revokeApiKey } from "@/lib/api-keys";
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { withAuth } from "@/lib/api/with-auth";

type Params = { key: string };

export const GET = withAuth<Params>(async ({ params, principal }) =>
  NextResponse.json(await getApiKey(principal, params.key)),
);

export const DELETE = withAuth<Params>(async ({ params, principal }) =>
  NextResponse.json(await revokeApiKey(principal, params.key)),
);

export const { POST, PUT, PATCH } = methodNotAllowed("GET", "DELETE");
