// Receiver authentication (DESIGN.md "Endpoint"): Basic, a static Bearer token, an OAuth2
// client-credentials token fetched from the endpoint's token URL and cached until shortly
// before it expires (the token request goes through the same SSRF-guarded agent), or a JWT
// minted for this one request (./receiver-jwt.ts).
import "server-only";
import { request as undiciRequest, type Dispatcher } from "undici";
import { processState } from "@/lib/process-state";
import type { TEndpointAuth } from "@/lib/schemas/endpoints";
import { mintReceiverJwt, type ReceiverJwtInput } from "./receiver-jwt";

interface CachedToken {
  value: string;
  expiresAt: number;
}

const tokens = processState("sending.oauthTokens", () => new Map<string, CachedToken>());
// Refresh a little early so a token does not expire on its way to the receiver.
const EARLY_MS = 30_000;

export class ReceiverAuthError extends Error {
  readonly code = "RECEIVER_AUTH_FAILED";
  override name = "ReceiverAuthError";
}

export function forgetOAuthToken(endpointId: string): void {
  tokens.delete(endpointId);
}

async function fetchToken(
  auth: Extract<TEndpointAuth, { type: "oauth2" }>,
  dispatcher: Dispatcher,
  signal: Dispatcher.RequestOptions["signal"],
): Promise<CachedToken> {
  const form = new URLSearchParams({ grant_type: "client_credentials" });
  if (auth.scope) form.set("scope", auth.scope);
  if (auth.audience) form.set("audience", auth.audience);
  const basic = Buffer.from(`${encodeURIComponent(auth.clientId)}:${encodeURIComponent(auth.clientSecret)}`).toString(
    "base64",
  );
  const response = await undiciRequest(auth.tokenUrl, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      accept: "application/json",
      authorization: `Basic ${basic}`,
    },
    body: form.toString(),
    dispatcher,
    signal,
  });
  const text = await response.body.text();
  if (response.statusCode < 200 || response.statusCode > 299) {
    throw new ReceiverAuthError(`token endpoint answered ${response.statusCode}`);
  }
  let parsed: { access_token?: unknown; expires_in?: unknown };
  try {
    parsed = JSON.parse(text) as typeof parsed;
  } catch {
    throw new ReceiverAuthError("token endpoint did not answer JSON");
  }
  if (typeof parsed.access_token !== "string" || !parsed.access_token)
    throw new ReceiverAuthError("token endpoint answered without access_token");
  const lifetimeMs =
    typeof parsed.expires_in === "number" && parsed.expires_in > 0 ? parsed.expires_in * 1_000 : 3_600_000;
  return { value: parsed.access_token, expiresAt: Date.now() + lifetimeMs - EARLY_MS };
}

/** The header that carries the credential: `authorization`, unless a JWT endpoint names another. */
export function authHeaderName(auth: TEndpointAuth | null): string {
  return auth?.type === "jwt" && auth.header ? auth.header : "authorization";
}

/** The credential header's value for one request, or null when the receiver has no authentication. */
export async function authorizationFor(
  endpointId: string,
  auth: TEndpointAuth | null,
  request: ReceiverJwtInput,
  dispatcher: Dispatcher,
  signal: Dispatcher.RequestOptions["signal"],
  forceNew: boolean,
): Promise<string | null> {
  if (!auth) return null;
  if (auth.type === "basic") return `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString("base64")}`;
  if (auth.type === "bearer") return `Bearer ${auth.token}`;
  if (auth.type === "jwt") {
    const token = await mintReceiverJwt(auth, request);
    return authHeaderName(auth) === "authorization" ? `Bearer ${token}` : token;
  }
  const cached = tokens.get(endpointId);
  if (!forceNew && cached && cached.expiresAt > Date.now()) return `Bearer ${cached.value}`;
  const token = await fetchToken(auth, dispatcher, signal);
  tokens.set(endpointId, token);
  return `Bearer ${token.value}`;
}
