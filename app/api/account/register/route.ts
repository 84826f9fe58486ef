// POST /api/account/register – create an account (the first one becomes the platform operator)
import { NextResponse } from "next/server";
import { clientAddressOf } from "@/lib/api/client-address";
import { parseJsonBody } from "@/lib/api/read-json-body";
import { withApiErrors } from "@/lib/api/with-auth";
import { ZRegisterUser } from "@/lib/schemas/users";
import { registerFromWeb } from "@/lib/users";

export const POST = withApiErrors(async ({ request }) => {
  const body = await parseJsonBody(request, ZRegisterUser);
  const registration = await registerFromWeb(body, clientAddressOf(request.headers));
  return NextResponse.json(registration, { status: 201 });
});
