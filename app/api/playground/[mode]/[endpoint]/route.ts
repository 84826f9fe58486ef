// POST /api/playground/:mode/:endpoint – the built-in demo receiver: verifies the signature, then answers as its mode says
import { NextResponse } from "next/server";
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { readBodyText } from "@/lib/api/read-json-body";
import { withApiErrors } from "@/lib/api/with-auth";
import { receivePlaygroundWebhook } from "@/lib/playground";

export const dynamic = "force-dynamic";

/** Webhooks are small; a playground has no reason to read more. */
const PLAYGROUND_BODY_LIMIT = 1024 * 1024;

export const POST = withApiErrors<{ mode: string; endpoint: string }>(async ({ request, params }) => {
  const body = await readBodyText(request, PLAYGROUND_BODY_LIMIT);
  const answer = await receivePlaygroundWebhook({
    mode: params.mode,
    endpointId: params.endpoint,
    body,
    headers: request.headers,
  });
  return NextResponse.json(answer.body, { status: answer.status });
});

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed("POST");
