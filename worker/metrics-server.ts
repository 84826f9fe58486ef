// The worker's /metrics endpoint (Prometheus text format) on HOOKLINE_WORKER_METRICS_PORT.
import http from "node:http";
import type { Logger } from "pino";
import { metricsAuthorized, metricsRegistry } from "@/lib/metrics/registry";

export function startMetricsServer(options: { port: number; host: string; token?: string; log: Logger }): http.Server {
  const registry = metricsRegistry();
  const server = http.createServer((request, response) => {
    if (request.url?.split("?")[0] !== "/metrics" || request.method !== "GET") {
      response.writeHead(404).end();
      return;
    }
    if (!metricsAuthorized(request.headers.authorization, options.token)) {
      response.writeHead(401, { "www-authenticate": "Bearer" }).end();
      return;
    }
    registry.metrics().then(
      (text) => response.writeHead(200, { "content-type": registry.contentType }).end(text),
      (error: unknown) => {
        options.log.warn({ err: error }, "could not collect metrics");
        response.writeHead(500).end();
      },
    );
  });
  server.listen(options.port, options.host, () => options.log.info({ port: options.port }, "worker metrics listening"));
  return server;
}
