// The HTTP client every webhook goes out through: one undici Agent per process, which keeps a
// keep-alive connection pool per receiver origin, and whose every new connection passes the
// SSRF guard (lib/ssrf): resolve once, check every address, connect to the checked one.
// The single exception, the instance's own playground receiver, is routed here and only here.
// With HOOKLINE_EGRESS_PROXY every try goes through that HTTP CONNECT proxy instead (undici's
// ProxyAgent), the target still checked before the proxy is asked. An endpoint with a client
// certificate, a private CA or a proxy of its own gets an agent of its own (endpointDispatcher).
import "server-only";
import { createHash, type X509Certificate } from "node:crypto";
import { rootCertificates } from "node:tls";
import { Agent, Pool, ProxyAgent, type Dispatcher } from "undici";
import { env } from "@/lib/env";
import { processState } from "@/lib/process-state";
import { withTlsAlerts } from "./tls-alerts";
import { checkProxiedTarget, createGuardedConnector, isOwnPlaygroundRequest, type ResolveHost } from "@/lib/ssrf";

export interface WebhookAgentOptions {
  allowPrivateNetworks: boolean;
  connectTimeoutMs: number;
  /**
   * HOOKLINE_PUBLIC_URL: requests to this instance's own /api/playground/ receivers skip the
   * address policy (they target this server, often on localhost). Nothing else does.
   */
  publicUrl?: string;
  /** HOOKLINE_EGRESS_PROXY: the operator's proxy, trusted (its own address is not checked). */
  proxyUrl?: string;
  /** Injected in tests; the system resolver otherwise. */
  resolve?: ResolveHost;
}

/** What an endpoint asks of its connections (lib/sending/endpoint-config.ts). */
export interface EndpointEgress {
  clientCertificate: { certificate: string; privateKey: string; leaf: X509Certificate } | null;
  caCertificate: string | null;
  /** undefined: the server's proxy, if any; null: none; a string: the endpoint's own. */
  proxyUrl: string | null | undefined;
  traceContext: boolean;
}

type Tls = { cert?: string; key?: string; ca?: string[] };

const optionsOf = processState("sending.webhookAgentOptions", () => new WeakMap<Dispatcher, WebhookAgentOptions>());
/** Per base agent and endpoint: the endpoint's own agent and what it was built from. */
const endpointAgents = processState(
  "sending.endpointAgents",
  () => new WeakMap<Dispatcher, Map<string, { key: string; agent: Dispatcher }>>(),
);

/**
 * With the guard on, playground requests go through a second agent whose connector skips the
 * address check (still one lookup, still no redirects). The choice is made per request on
 * origin and path, before any connection is picked, so a pooled connection of the exempt agent
 * is never used for anything but the playground.
 */
export function createWebhookAgent(options: WebhookAgentOptions): Dispatcher {
  const guarded = options.proxyUrl ? createProxyAgent(options, options.proxyUrl, {}, true) : createAgent(options, {});
  const { publicUrl } = options;
  let agent: Dispatcher = guarded;
  if (!options.allowPrivateNetworks && publicUrl) {
    const playground = createAgent({ ...options, allowPrivateNetworks: true }, {});
    agent = guarded.compose(
      (dispatch) => (request, handler) =>
        isOwnPlaygroundRequest(String(request.origin ?? ""), request.path, publicUrl)
          ? playground.dispatch(request, handler)
          : dispatch(request, handler),
    );
  }
  optionsOf.set(agent, options);
  return agent;
}

const poolSettings = {
  // Receivers often close idle connections after ~5 s; reuse within that, then reconnect.
  keepAliveTimeout: 4_000,
  keepAliveMaxTimeout: 30_000,
  // One request per connection at a time: pipelining to arbitrary servers is asking for trouble.
  pipelining: 1,
};

function createAgent(options: WebhookAgentOptions, tls: Tls): Agent {
  return new Agent({
    connect: withTlsAlerts(
      createGuardedConnector({
        allowPrivateNetworks: options.allowPrivateNetworks,
        connectTimeoutMs: options.connectTimeoutMs,
        resolve: options.resolve,
        tls,
      }),
      Boolean(tls.cert),
    ),
    ...poolSettings,
  });
}

/**
 * Tries through an HTTP CONNECT proxy (also for http:// targets: a tunnel, never a forwarded
 * request). Each new tunnel first checks the target (checkProxiedTarget); an endpoint's own
 * proxy (`trusted` false) is itself reached through the guarded connector, like a receiver.
 */
function createProxyAgent(options: WebhookAgentOptions, proxyUrl: string, tls: Tls, trusted: boolean): ProxyAgent {
  const guard = { ...options, tls: undefined };
  return new ProxyAgent({
    uri: proxyUrl,
    proxyTunnel: true,
    requestTls: tls,
    ...poolSettings,
    clientFactory: trusted
      ? undefined
      : (origin, clientOptions) => new Pool(origin, { ...clientOptions, connect: createGuardedConnector(guard) }),
    factory: (origin, poolOptions) => {
      const tunnel = (poolOptions as Pool.Options).connect as (
        connectOptions: object,
        callback: (...args: unknown[]) => void,
      ) => void;
      return new Pool(origin, {
        ...poolOptions,
        connect: withTlsAlerts((connectOptions, callback) => {
          checkProxiedTarget(connectOptions.hostname, guard).then(
            () => tunnel(connectOptions, callback as (...args: unknown[]) => void),
            (error: Error) => callback(error, null),
          );
        }, Boolean(tls.cert)),
      });
    },
  });
}

/** The process-wide agent built from the settings. */
export function webhookAgent(): Dispatcher {
  return processState("sending.webhookAgent", () => {
    const settings = env();
    return createWebhookAgent({
      allowPrivateNetworks: settings.HOOKLINE_ALLOW_PRIVATE_NETWORKS,
      connectTimeoutMs: settings.HOOKLINE_CONNECT_TIMEOUT_MS,
      publicUrl: settings.HOOKLINE_PUBLIC_URL,
      proxyUrl: settings.HOOKLINE_EGRESS_PROXY,
    });
  });
}

/**
 * The dispatcher for one endpoint's tries and token requests: `base` unless the endpoint brings
 * a client certificate, a CA or a proxy choice of its own; then an agent of its own, built on
 * `base`'s settings, reused while those stay the same and closed (after its requests finish)
 * when they change. A `base` not made by createWebhookAgent is used as it is.
 */
export function endpointDispatcher(base: Dispatcher, endpointId: string, egress: EndpointEgress): Dispatcher {
  const options = optionsOf.get(base);
  if (!options) return base;
  let agents = endpointAgents.get(base);
  if (!agents) endpointAgents.set(base, (agents = new Map()));
  const existing = agents.get(endpointId);
  const proxyUrl = egress.proxyUrl === undefined ? options.proxyUrl : (egress.proxyUrl ?? undefined);
  if (!egress.clientCertificate && !egress.caCertificate && proxyUrl === options.proxyUrl) {
    if (existing) retire(agents, endpointId, existing.agent);
    return base;
  }
  const key = [
    egress.clientCertificate?.leaf.fingerprint256,
    egress.caCertificate && createHash("sha256").update(egress.caCertificate).digest("hex"),
    proxyUrl,
  ].join("|");
  if (existing?.key === key) return existing.agent;
  if (existing) retire(agents, endpointId, existing.agent);
  const tls: Tls = {
    cert: egress.clientCertificate?.certificate,
    key: egress.clientCertificate?.privateKey,
    // A private CA is trusted besides the public ones, not instead of them.
    ca: egress.caCertificate ? [...rootCertificates, egress.caCertificate] : undefined,
  };
  const agent = proxyUrl
    ? createProxyAgent(options, proxyUrl, tls, proxyUrl === options.proxyUrl)
    : createAgent(options, tls);
  agents.set(endpointId, { key, agent });
  return agent;
}

function retire(agents: Map<string, unknown>, endpointId: string, agent: Dispatcher): void {
  agents.delete(endpointId);
  agent.close().catch(() => undefined);
}
