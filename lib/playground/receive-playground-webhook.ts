// The playground receiver: a webhook endpoint that lives on the instance itself, for demos
// (`npm run seed:demo`) and for trying Hookline without writing a receiver. It behaves like a
// careful tenant's server: it verifies the Standard Webhooks signature with the endpoint's own
// secret (through the `standardwebhooks` library, as a receiver would, not through our signer),
// answers 401 when it does not match (a v1a endpoint's signature is checked with its whpk_ public
// key and crypto.verify, which the library cannot do), and otherwise answers as its mode says:
//   ok    – 200 at once
//   flaky – a random 5xx about a third of the time (exercises retries), 200 otherwise
//   slow  – 200 after 1–3 s (fills the latency charts' upper percentiles)
import "server-only";
import { createPublicKey, verify } from "node:crypto";
import { Webhook } from "standardwebhooks";
import { openSecret } from "@/lib/crypto";
import { pool } from "@/lib/db";
import { isId } from "@/lib/ids";
import { publicKeyOf, SIGNING_KEY_PREFIX } from "@/lib/signing";
import { PLAYGROUND_PATH_PREFIX } from "@/lib/ssrf";

export const PLAYGROUND_MODES = ["ok", "flaky", "slow"] as const;
export type PlaygroundMode = (typeof PLAYGROUND_MODES)[number];

const FLAKY_STATUSES = [500, 502, 503] as const;

export interface PlaygroundDelivery {
  mode: string;
  endpointId: string;
  /** The raw body, exactly as received: the signature is over these bytes. */
  body: string;
  headers: Headers;
}

export interface PlaygroundAnswer {
  status: number;
  body: { verified: boolean; mode?: PlaygroundMode; message: string };
}

export interface PlaygroundOptions {
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** This endpoint's playground path: the receiver only serves endpoints registered at it. */
export const playgroundPath = (mode: PlaygroundMode, endpointId: string) =>
  `${PLAYGROUND_PATH_PREFIX}${mode}/${endpointId}`;

const isMode = (mode: string): mode is PlaygroundMode => (PLAYGROUND_MODES as readonly string[]).includes(mode);

/**
 * The endpoint's live signing secrets. Looked up by endpoint id alone, unlike tenant data
 * elsewhere: the receiver stands in for the tenant's own server, which holds the secret, and it
 * only ever reveals whether a signature matched. Endpoints not registered at this very
 * playground URL are unknown here, so the route cannot be used to test other endpoints' secrets.
 */
async function playgroundSecrets(mode: PlaygroundMode, endpointId: string): Promise<string[] | null> {
  const { rows } = await pool().query<{
    url: string;
    secret_enc: string;
    previous_secret_enc: string | null;
    previous_active: boolean;
  }>(
    `SELECT url, secret_enc, previous_secret_enc, coalesce(previous_secret_expires_at > now(), false) AS previous_active
       FROM endpoints WHERE id = $1`,
    [endpointId],
  );
  const row = rows[0];
  if (!row || new URL(row.url).pathname !== playgroundPath(mode, endpointId)) return null;
  const secrets = [await openSecret(row.secret_enc)];
  if (row.previous_secret_enc && row.previous_active) secrets.push(await openSecret(row.previous_secret_enc));
  return secrets;
}

function verifies(secret: string, delivery: PlaygroundDelivery): boolean {
  const headers = {
    "webhook-id": delivery.headers.get("webhook-id") ?? "",
    "webhook-timestamp": delivery.headers.get("webhook-timestamp") ?? "",
    "webhook-signature": delivery.headers.get("webhook-signature") ?? "",
  };
  if (secret.startsWith(SIGNING_KEY_PREFIX)) return v1aVerifies(publicKeyOf(secret), headers, delivery.body);
  try {
    new Webhook(secret).verify(delivery.body, headers);
    return true;
  } catch {
    return false;
  }
}

/** A receiver's v1a check: a fresh timestamp and any `v1a,` signature that the public key verifies. */
function v1aVerifies(publicKey: string, headers: Record<string, string>, body: string): boolean {
  const timestamp = Number(headers["webhook-timestamp"]);
  if (!Number.isInteger(timestamp) || Math.abs(Date.now() / 1000 - timestamp) > 300) return false;
  const x = Buffer.from(publicKey.slice("whpk_".length), "base64").toString("base64url");
  const key = createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x }, format: "jwk" });
  const content = Buffer.from(`${headers["webhook-id"]}.${timestamp}.${body}`, "utf8");
  return headers["webhook-signature"]!.split(" ")
    .filter((signature) => signature.startsWith("v1a,"))
    .some((signature) => verify(null, content, key, Buffer.from(signature.slice(4), "base64")));
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function receivePlaygroundWebhook(
  delivery: PlaygroundDelivery,
  options: PlaygroundOptions = {},
): Promise<PlaygroundAnswer> {
  const random = options.random ?? Math.random;
  const { mode, endpointId } = delivery;
  const secrets = isMode(mode) && isId("endpoint", endpointId) ? await playgroundSecrets(mode, endpointId) : null;
  if (!secrets || !isMode(mode))
    return { status: 404, body: { verified: false, message: "No playground endpoint here." } };
  if (!secrets.some((secret) => verifies(secret, delivery))) {
    return {
      status: 401,
      body: {
        verified: false,
        mode,
        message: "The webhook signature does not match this endpoint's secret (or the timestamp is too old).",
      },
    };
  }
  if (mode === "flaky" && random() < 1 / 3) {
    const status = FLAKY_STATUSES[Math.floor(random() * FLAKY_STATUSES.length)] ?? 500;
    return {
      status,
      body: { verified: true, mode, message: "Signature verified; failing on purpose (flaky receiver)." },
    };
  }
  if (mode === "slow") await (options.sleep ?? defaultSleep)(1_000 + Math.floor(random() * 2_000));
  return { status: 200, body: { verified: true, mode, message: "Signature verified." } };
}
