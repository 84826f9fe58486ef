// The HTTP client every webhook goes out through: one undici Agent per process, which keeps a
// keep-alive connection pool per receiver origin, and whose every new connection passes the
// SSRF guard (lib/ssrf): resolve once, check every address, connect to the checked one.
// The single exception, the instance's own playground receiver, is routed here and only here.
import "server-only";
import { Agent, type Dispatcher } from "undici";
import { env } from "@/lib/env";
import { processState } from "@/lib/process-state";
import { createGuardedConnector, isOwnPlaygroundRequest, type ResolveHost } from "@/lib/ssrf";

export interface WebhookAgentOptions {
  allowPrivateNetworks: boolean;
  connectTimeoutMs: number;
  /**
   * HOOKLINE_PUBLIC_URL: requests to this instance's own /api/playground/ receivers skip the
   * address policy (they target this server, often on localhost). Nothing else does.
   */
  publicUrl?: string;
  /** Injected in tests; the system resolver otherwise. */
  resolve?: ResolveHost;
}

/**
 * With the guard on, playground requests go through a second agent whose connector skips the
 * address check (still one lookup, still no redirects). The choice is made per request on
 * origin and path, before any connection is picked, so a pooled connection of the exempt agent
 * is never used for anything but the playground.
 */
export function createWebhookAgent(options: WebhookAgentOptions): Dispatcher {
  const guarded = createAgent(options);
  const { publicUrl } = options;
  if (options.allowPrivateNetworks || !publicUrl) return guarded;
  const playground = createAgent({ ...options, allowPrivateNetworks: true });
  return guarded.compose(
    (dispatch) => (request, handler) =>
      isOwnPlaygroundRequest(String(request.origin ?? ""), request.path, publicUrl)
        ? playground.dispatch(request, handler)
        : dispatch(request, handler),
  );
}

function createAgent(options: WebhookAgentOptions): Agent {
  return new Agent({
    connect: createGuardedConnector({
      allowPrivateNetworks: options.allowPrivateNetworks,
      connectTimeoutMs: options.connectTimeoutMs,
      resolve: options.resolve,
    }),
    // Receivers often close idle connections after ~5 s; reuse within that, then reconnect.
    keepAliveTimeout: 4_000,
    keepAliveMaxTimeout: 30_000,
    // One request per connection at a time: pipelining to arbitrary servers is asking for trouble.
    pipelining: 1,
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
    });
  });
}
