// POST /api/v1/event-types/:name/unarchive – make an archived event type publishable again (operators)
import { NextResponse } from "next/server";
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { withApiKey } from "@/lib/api/with-api-key";
import { assertPlatform } from "@/lib/auth/authorize-tenant";
import { setEventTypeArchived } from "@/lib/event-types";

export const POST = withApiKey<{ name: string }>(async ({ params, principal }) => {
  assertPlatform(principal);
  return NextResponse.json(await setEventTypeArchived(params.name, false));
});

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed("POST");
