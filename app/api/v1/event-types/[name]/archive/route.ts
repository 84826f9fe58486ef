// POST /api/v1/event-types/:name/archive – archive an event type: no new publishes of it (operators)
import { NextResponse } from "next/server";
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { withAuth } from "@/lib/api/with-auth";
import { assertPlatform } from "@/lib/auth/authorize-tenant";
import { setEventTypeArchived } from "@/lib/event-types";

export const POST = withAuth<{ name: string }>(async ({ params, principal }) => {
  assertPlatform(principal);
  return NextResponse.json(await setEventTypeArchived(params.name, true));
});

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed("POST");
