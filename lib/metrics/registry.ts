// Prometheus metrics (prom-client): one registry per process, with the default process and
// Node.js metrics. The web serves it on /metrics, the worker on HOOKLINE_WORKER_METRICS_PORT;
// HOOKLINE_METRICS_TOKEN, when set, is required as a bearer token on both.
import client from "prom-client";
import { processState } from "@/lib/process-state";

export function metricsRegistry(): client.Registry {
  return processState("metrics.registry", () => {
    const registry = new client.Registry();
    registry.setDefaultLabels({ process: process.env.HOOKLINE_PROCESS ?? "hookline" });
    client.collectDefaultMetrics({ register: registry });
    return registry;
  });
}

/** The metric called `name`, created on first use (module reloads in development reuse it). */
export function metric<T extends client.Metric>(name: string, create: (registers: client.Registry[]) => T): T {
  const registry = metricsRegistry();
  return (registry.getSingleMetric(name) as T | undefined) ?? create([registry]);
}

/** True when the request may read the metrics: no token configured, or the right bearer token. */
export function metricsAuthorized(authorization: string | null | undefined, token: string | undefined): boolean {
  if (!token) return true;
  return authorization === `Bearer ${token}`;
}
