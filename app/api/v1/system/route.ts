// GET /api/v1/system – queue depth, oldest due delivery, attempts per minute, workers (operators)
import { NextResponse } from "next/server";
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { withAuth } from "@/lib/api/with-auth";
import { assertPlatform } from "@/lib/auth/authorize-tenant";
import { getSystemStatus } from "@/lib/system";

export const dynamic = "force-dynamic";

export const GET = withAuth(async ({ principal }) => {
  assertPlatform(principal);
  return NextResponse.json(await getSystemStatus(), { headers: { "cache-control": "no-store" } });
});

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed("GET");
