// Pages behind sign-in: /t/… (tenants) and /operator/… redirect to /sign-in without a session,
// remembering where the user was going. The API authenticates itself (lib/api/with-auth.ts), and
// the pages check tenant access themselves (lib/auth/page-access.ts); this is only the door.
import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { sessionSecret } from "@/lib/auth/session-secret";

export async function proxy(request: NextRequest) {
  const token = await getToken({ req: request, secret: sessionSecret() });
  if (token) return NextResponse.next();
  const signIn = new URL("/sign-in", request.url);
  signIn.searchParams.set("callbackUrl", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.redirect(signIn);
}

export const config = { matcher: ["/t", "/t/:path*", "/operator/:path*"] };
