// POST /api/v1/event-types/:name/archive – archive an event type: no new publishes of it (operators)
import { NextResponse } from "next/server";
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { withApiKey } from "@/lib/api/with-api-key";
import { assertPlatform } from "@/lib/auth/authorize-tenant";
import { setEventTypeArchived } from "@/lib/event-types";

export const POST = withApiKey<{ name: string }>(async ({ params, principal }) => {
  assertPlatform(principal);
  return NextResponse.json(await setEventTypeArchived(params.name, true));
});

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed("POST");
