// POST /api/account/invites/accept – the signed-in user joins the tenant of an invite link
import { NextResponse } from "next/server";
import { parseJsonBody } from "@/lib/api/read-json-body";
import { withAuth } from "@/lib/api/with-auth";
import { AppError } from "@/lib/errors";
import { acceptInvite } from "@/lib/invites";
import { ZAcceptInvite } from "@/lib/schemas/users";

export const POST = withAuth(async ({ request, principal }) => {
  if (principal.kind !== "user")
    throw new AppError("forbidden", "Invites are accepted by a signed-in user, not an API key.");
  const { token } = await parseJsonBody(request, ZAcceptInvite);
  return NextResponse.json(await acceptInvite(principal.userId, token));
});
