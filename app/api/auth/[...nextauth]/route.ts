// /api/auth/* – next-auth: sign-in with email and password, sign-out, session.
// A sign-in refused by the login limiter answers 429 with Retry-After (next-auth itself would
// answer 200 with an error in the redirect URL); the body keeps next-auth's `{url}`, so its
// client still reads `error=rate_limited` from it.
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/auth-options";
import { env } from "@/lib/env";

async function handler(request: Request, context: { params: Promise<{ nextauth: string[] }> }) {
  const params = await context.params;
  const response = await NextAuth(authOptions())(request, { params });
  if (request.method === "POST" && params.nextauth.join("/") === "callback/credentials")
    return asTooManyRequests(response);
  return response;
}

/** next-auth's answer to a rate-limited sign-in, as a 429; any other answer unchanged. */
async function asTooManyRequests(response: Response): Promise<Response> {
  const location =
    response.headers.get("location") ??
    (
      (await response
        .clone()
        .json()
        .catch(() => null)) as { url?: string } | null
    )?.url;
  if (!location || new URL(location, "http://hookline.invalid").searchParams.get("error") !== "rate_limited")
    return response;
  const headers = new Headers(response.headers);
  headers.delete("location");
  headers.delete("content-length");
  headers.set("content-type", "application/json");
  // The limiter refills one attempt every 60/limit seconds: the longest anyone waits for the next.
  headers.set("retry-after", String(Math.ceil(60 / env().HOOKLINE_LOGIN_RATE_LIMIT)));
  const body = {
    url: location,
    error: {
      code: "rate_limited",
      message: "Too many sign-in attempts for this account from your address; wait and try again.",
    },
  };
  return new Response(JSON.stringify(body), { status: 429, headers });
}

export { handler as GET, handler as POST };
