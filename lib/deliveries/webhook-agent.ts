// The HTTP client every webhook goes out through: one undici Agent per process, which keeps a
// keep-alive connection pool per receiver origin, and whose every new connection passes the
// SSRF guard (lib/ssrf): resolve once, check every address, connect to the checked one.
import "server-only";
import { Agent, type Dispatcher } from "undici";
import { env } from "@/lib/env";
import { createGuardedConnector, type ResolveHost } from "@/lib/ssrf";

export interface WebhookAgentOptions {
  allowPrivateNetworks: boolean;
  connectTimeoutMs: number;
  /** Injected in tests; the system resolver otherwise. */
  resolve?: ResolveHost;
}

export function createWebhookAgent(options: WebhookAgentOptions): Dispatcher {
  return new Agent({
    connect: createGuardedConnector(options),
    // Receivers often close idle connections after ~5 s; reuse within that, then reconnect.
    keepAliveTimeout: 4_000,
    keepAliveMaxTimeout: 30_000,
    // One request per connection at a time: pipelining to arbitrary servers is asking for trouble.
    pipelining: 1,
  });
}

const globalForAgent = globalThis as unknown as { hooklineWebhookAgent?: Dispatcher };

/** The process-wide agent built from the settings. */
export function webhookAgent(): Dispatcher {
  const settings = env();
  globalForAgent.hooklineWebhookAgent ??= createWebhookAgent({
    allowPrivateNetworks: settings.HOOKLINE_ALLOW_PRIVATE_NETWORKS,
    connectTimeoutMs: settings.HOOKLINE_CONNECT_TIMEOUT_MS,
  });
  return globalForAgent.hooklineWebhookAgent;
}
