// Password guessing through the real sign-in route of a running Hookline (next-auth's credentials
// callback, as the sign-in page calls it): after the per-account-and-address limit, 429 with
// Retry-After; an unknown email and a wrong password get the same answer in about the same time;
// the session cookie is HttpOnly with an explicit SameSite. HTTP only: no browser needed.
import { expect, test } from "@playwright/test";
import { authCallback } from "../helpers/auth-callback";
import { api, baseUrl, unique } from "./helpers";

/** One sign-in the way the sign-in page sends it (next-auth's client: form body, json=true). */
async function signIn(email: string, password: string, address: string) {
  const { response, ms } = await authCallback(
    baseUrl(),
    "credentials",
    { email, password },
    { "x-forwarded-for": address },
  );
  const body = (await response.json()) as { url: string; error?: { code: string } };
  // The whole Set-Cookie line: the test checks its attributes.
  const session = response.headers.getSetCookie().find((value) => /^(__Secure-)?next-auth\.session-token=/.test(value));
  return {
    status: response.status,
    retryAfter: response.headers.get("retry-after"),
    error: new URL(body.url).searchParams.get("error"),
    body,
    ms,
    session,
  };
}

/** A new account (through the registration API with an invite, as the invite page calls it). */
async function register(): Promise<{ email: string; password: string }> {
  const user = { email: `${unique("guessed")}@example.test`, password: "a-good-password" };
  const tenant = await api<{ id: string }>("POST", "/api/v1/tenants", { name: unique("Guessed") });
  const invite = await api<{ token: string }>("POST", `/api/v1/tenants/${tenant.id}/invites`, {
    email: user.email,
    role: "owner",
  });
  const response = await fetch(`${baseUrl()}/api/account/register`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": address() },
    body: JSON.stringify({ ...user, inviteToken: invite.token }),
  });
  expect(response.status, await response.clone().text()).toBe(201);
  return user;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const address = () => `198.51.100.${Math.floor(Math.random() * 250) + 1}`;

test.describe("sign-in over HTTP", { tag: "@desktop-only" }, () => {
  test("should set an HttpOnly session cookie with an explicit SameSite on the right password", async () => {
    const user = await register();
    const result = await signIn(user.email, user.password, address());
    expect(result.status).toBe(200);
    expect(result.error).toBeNull();
    expect(result.session).toBeDefined();
    expect(result.session).toMatch(/;\s*HttpOnly/i);
    // Lax, or — where portal embedding is possible (docs/PORTAL.md) — None, which browsers accept
    // only with Secure, and Partitioned so a third-party frame's cookie is kept to that frame.
    const sameSite = /;\s*SameSite=(\w+)/i.exec(result.session!)?.[1]?.toLowerCase();
    if (sameSite === "none") expect(result.session).toMatch(/;\s*Secure;.*Partitioned|;\s*Partitioned;.*Secure/i);
    else expect(sameSite).toBe("lax");
  });

  test("should answer 429 with Retry-After once an account is guessed at 10 times a minute from one address", async () => {
    const user = await register();
    const from = `203.0.113.${Math.floor(Math.random() * 250) + 1}`;
    const results = [];
    for (let guess = 0; guess < 12; guess++) results.push(await signIn(user.email, `wrong-${guess}`, from));
    expect(results.slice(0, 10).map((result) => [result.status, result.error])).toEqual(
      Array(10).fill([401, "CredentialsSignin"]),
    );
    for (const limited of results.slice(10)) {
      expect(limited).toMatchObject({ status: 429, error: "rate_limited", body: { error: { code: "rate_limited" } } });
      expect(limited.session).toBeUndefined();
      expect(Number(limited.retryAfter)).toBeGreaterThanOrEqual(1);
    }
    // Even the right password waits now, from that address; the owner elsewhere is not locked out.
    expect(await signIn(user.email, user.password, from)).toMatchObject({ status: 429, session: undefined });
    expect((await signIn(user.email, user.password, address())).session).toBeDefined();
  });

  test("should answer an unknown email exactly like a wrong password, in about the same time", async () => {
    const user = await register();
    const unknown: number[] = [];
    const wrong: number[] = [];
    for (let round = 0; round < 7; round++) {
      // Interleaved, each from its own address, so machine load and the limiter affect both alike.
      const a = await signIn(`${unique("nobody")}@example.test`, "some password", `192.0.2.${round + 1}`);
      const b = await signIn(user.email, "some password", `192.0.2.${round + 101}`);
      expect({ status: a.status, error: a.error, session: a.session }).toEqual({
        status: b.status,
        error: b.error,
        session: b.session,
      });
      unknown.push(a.ms);
      wrong.push(b.ms);
    }
    const ratio = median(unknown) / median(wrong);
    console.info(
      `[sign-in timing] unknown email ${median(unknown).toFixed(0)} ms, wrong password ${median(wrong).toFixed(0)} ms (ratio ${ratio.toFixed(2)})`,
    );
    // Both run one argon2 verification; an unknown email skipping it would answer many times faster.
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });
});
