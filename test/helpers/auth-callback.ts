// Signing in over plain HTTP the way next-auth's client does: fetch a CSRF token (and its
// cookie), then POST the provider's callback as a form with json=true. For tests that need a
// session without a browser (sign-in limits, page access, logs), against any running Hookline.

export interface AuthCallbackResult {
  response: Response;
  /** The session cookie as `name=value`, when the callback opened a session. */
  session: string | undefined;
  /** How long the callback request took (the CSRF fetch not included). */
  ms: number;
}

export async function authCallback(
  baseUrl: string,
  provider: "credentials" | "portal",
  fields: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<AuthCallbackResult> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers
    .getSetCookie()
    .map((value) => value.split(";")[0])
    .join("; ");
  const started = performance.now();
  const response = await fetch(`${baseUrl}/api/auth/callback/${provider}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie, ...headers },
    body: new URLSearchParams({ ...fields, csrfToken, json: "true" }),
    redirect: "manual",
  });
  const ms = performance.now() - started;
  const session = response.headers.getSetCookie().find((value) => /^(__Secure-)?next-auth\.session-token=/.test(value));
  return { response, session: session?.split(";")[0], ms };
}
