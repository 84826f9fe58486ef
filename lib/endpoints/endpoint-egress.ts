// The egress fields of an endpoint (client certificate, private CA, proxy, trace context) between
// the API and the endpoints table: create and update write them with egressData, the view reads
// them back. The private key and the proxy's credentials are sealed like the signing secret; the
// certificate's details and the proxy URL without credentials are stored in the clear, for the
// view and the expiry check.
import "server-only";
import { sealJson } from "@/lib/crypto";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { Prisma, type Endpoint } from "@/lib/generated/prisma/client";
import type { endpointEgressView, TCertificateDetails, TClientCertificate } from "@/lib/schemas/egress";
import { parseTarget } from "@/lib/ssrf";
import type { z } from "zod";
import { checkCaCertificate, checkClientCertificate } from "./endpoint-certificates";

interface EgressInput {
  clientCertificate?: TClientCertificate | null;
  caCertificate?: string | null;
  proxyUrl?: string | null;
  traceContext?: boolean;
}

/** `proxyUrl: "default"` in an update goes back to the server's proxy (left out in a create means the same). */
export const DEFAULT_PROXY = "default";

/**
 * An endpoint's own proxy: http(s), and, like endpoint URLs, not a literal internal address
 * unless private networks are allowed (a tenant must not reach internal hosts through it).
 * The operator's HOOKLINE_EGRESS_PROXY is trusted and not checked.
 */
export function checkProxyUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw proxyRefused("invalid_url", "is not a valid absolute URL");
  }
  const bare = new URL(url.href);
  bare.username = "";
  bare.password = "";
  const target = parseTarget(bare.href, { allowPrivateNetworks: env().HOOKLINE_ALLOW_PRIVATE_NETWORKS });
  if (!target.ok) throw proxyRefused(target.code, target.message);
  if (url.pathname !== "/" || url.search || url.hash) throw proxyRefused("invalid_url", "must have no path or query");
  return url.href;
}

function proxyRefused(code: string, message: string): AppError {
  return new AppError("validation_failed", `proxyUrl ${message}`, [{ path: "proxyUrl", message, code }]);
}

type EgressColumns = Partial<
  Pick<
    Prisma.EndpointCreateInput,
    | "clientCertificateEnc"
    | "clientCertificate"
    | "clientCertificateNotAfter"
    | "certificateExpiryNotifiedAt"
    | "caCertificate"
    | "proxyMode"
    | "proxyUrl"
    | "proxyCredentialsEnc"
    | "traceContext"
  >
>;

/** The columns for what is given (a PATCH leaves the rest). */
export async function egressData(input: EgressInput): Promise<EgressColumns> {
  const data: EgressColumns = {};
  if (input.clientCertificate !== undefined) {
    const certificate = input.clientCertificate;
    const details = certificate ? checkClientCertificate(certificate) : null;
    data.clientCertificateEnc = certificate ? await sealJson(certificate) : null;
    data.clientCertificate = details ? (details as unknown as Prisma.InputJsonObject) : Prisma.DbNull;
    data.clientCertificateNotAfter = details ? new Date(details.notAfter) : null;
    data.certificateExpiryNotifiedAt = null;
  }
  if (input.caCertificate !== undefined) {
    if (input.caCertificate) checkCaCertificate(input.caCertificate);
    data.caCertificate = input.caCertificate;
  }
  if (input.proxyUrl !== undefined) {
    const custom = input.proxyUrl !== null && input.proxyUrl !== DEFAULT_PROXY;
    data.proxyMode = input.proxyUrl === null ? "none" : custom ? "custom" : "default";
    const url = custom ? new URL(checkProxyUrl(input.proxyUrl as string)) : null;
    const credentials = url?.username ? { username: url.username, password: url.password } : null;
    if (url) url.username = url.password = "";
    data.proxyUrl = url?.href ?? null;
    data.proxyCredentialsEnc = credentials ? await sealJson(credentials) : null;
  }
  if (input.traceContext !== undefined) data.traceContext = input.traceContext;
  return data;
}

type EgressView = { [Key in keyof typeof endpointEgressView]: z.infer<(typeof endpointEgressView)[Key]> };

export function egressView(endpoint: Endpoint): EgressView {
  const mode = endpoint.proxyMode === "custom" || endpoint.proxyMode === "none" ? endpoint.proxyMode : "default";
  const proxyUrl = mode === "custom" && endpoint.proxyUrl ? new URL(endpoint.proxyUrl) : null;
  // Credentials are never shown, only that there are some.
  if (proxyUrl && endpoint.proxyCredentialsEnc) proxyUrl.username = "****";
  return {
    clientCertificate: (endpoint.clientCertificate as TCertificateDetails | null) ?? null,
    caCertificate: endpoint.caCertificate ? checkCaCertificate(endpoint.caCertificate) : null,
    proxyMode: mode,
    proxyUrl: proxyUrl?.href ?? null,
    traceContext: endpoint.traceContext,
  };
}
