// GET /metrics – Prometheus metrics of the web process (bearer token when HOOKLINE_METRICS_TOKEN is set)
import { env } from "@/lib/env";
import { metricsAuthorized, metricsRegistry } from "@/lib/metrics/registry";
import { httpRequestDuration, publishOutcomes } from "@/lib/metrics/web-metrics";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  if (!metricsAuthorized(request.headers.get("authorization"), env().HOOKLINE_METRICS_TOKEN)) {
    return new Response("unauthorized\n", { status: 401, headers: { "www-authenticate": "Bearer" } });
  }
  // Created up front, so the series exist (at zero) before the first request or publish.
  httpRequestDuration();
  publishOutcomes();
  const registry = metricsRegistry();
  return new Response(await registry.metrics(), {
    headers: { "content-type": registry.contentType, "cache-control": "no-store" },
  });
}
