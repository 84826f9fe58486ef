// The decrypted configuration of an endpoint, as the sender needs it. Decrypting per delivery
// would waste the hot path, so configs are cached per endpoint and keyed by the row's
// updated_at: any change to the endpoint (new URL, rotated secret) is a cache miss.
import "server-only";
import { X509Certificate } from "node:crypto";
import { z } from "zod";
import { openJson, openSecret } from "@/lib/crypto";
import { processState } from "@/lib/process-state";
import { ZEndpointAuth, ZEndpointHeaders, type TEndpointAuth } from "@/lib/schemas/endpoints";
import { ZClientCertificate } from "@/lib/schemas/egress";
import type { EndpointRow } from "./endpoint-row";
import type { EndpointEgress } from "./webhook-agent";

export interface EndpointConfig {
  url: string;
  secret: string;
  previousSecret: string | null;
  previousSecretExpiresAt: Date | null;
  headers: Record<string, string>;
  auth: TEndpointAuth | null;
  rateLimit: number | null;
  maxConcurrency: number | null;
  timeoutMs: number | null;
  egress: EndpointEgress;
}

const cache = processState(
  "sending.endpointConfigs",
  () => new Map<string, { version: string; config: EndpointConfig }>(),
);
const MAX_CACHED = 10_000;

export async function endpointConfig(row: EndpointRow): Promise<EndpointConfig> {
  const hit = cache.get(row.id);
  if (hit && hit.version === row.version) return hit.config;
  const config: EndpointConfig = {
    url: row.url,
    secret: await openSecret(row.secretEnc),
    previousSecret: row.previousSecretEnc ? await openSecret(row.previousSecretEnc) : null,
    previousSecretExpiresAt: row.previousSecretExpiresAt,
    headers: row.headersEnc ? await openJson(row.headersEnc, (value) => ZEndpointHeaders.parse(value)) : {},
    auth: row.authEnc ? await openJson(row.authEnc, (value) => ZEndpointAuth.parse(value)) : null,
    rateLimit: row.rateLimit,
    maxConcurrency: row.maxConcurrency,
    timeoutMs: row.timeoutMs,
    egress: await egressOf(row),
  };
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(row.id, { version: row.version, config });
  return config;
}

const ZProxyCredentials = z.object({ username: z.string(), password: z.string() });

async function egressOf(row: EndpointRow): Promise<EndpointEgress> {
  const clientCertificate = row.clientCertificateEnc
    ? await openJson(row.clientCertificateEnc, (value) => ZClientCertificate.parse(value))
    : null;
  let proxyUrl: string | null | undefined = row.proxyMode === "none" ? null : undefined;
  if (row.proxyMode === "custom" && row.proxyUrl) {
    const url = new URL(row.proxyUrl);
    if (row.proxyCredentialsEnc) {
      const credentials = await openJson(row.proxyCredentialsEnc, (value) => ZProxyCredentials.parse(value));
      url.username = credentials.username;
      url.password = credentials.password;
    }
    proxyUrl = url.href;
  }
  return {
    clientCertificate: clientCertificate && {
      ...clientCertificate,
      leaf: new X509Certificate(clientCertificate.certificate),
    },
    caCertificate: row.caCertificate,
    proxyUrl,
    traceContext: row.traceContext,
  };
}
