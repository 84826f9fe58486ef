// What the web process reports: API request durations by route and status, and publishes by
// outcome. Route labels are route patterns (`routeLabel`), so the number of series stays bounded.
import client from "prom-client";
import { metric } from "./registry";

export const httpRequestDuration = () =>
  metric(
    "hookline_http_request_duration_seconds",
    (registers) =>
      new client.Histogram({
        name: "hookline_http_request_duration_seconds",
        help: "API request duration by route template, method and status",
        labelNames: ["route", "method", "status"] as const,
        buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
        registers,
      }),
  );

export const publishOutcomes = () =>
  metric(
    "hookline_publishes_total",
    (registers) =>
      new client.Counter({
        name: "hookline_publishes_total",
        help: "Published messages by outcome (accepted, duplicate, rejected, error)",
        labelNames: ["outcome"] as const,
        registers,
      }),
  );

/**
 * The route pattern of a request, as the metrics label: every path segment that Next matched to
 * a route parameter becomes `:name` (`/api/v1/tenants/tnt_01…/messages` with `{ tenant }` →
 * `/api/v1/tenants/:tenant/messages`; `/api/playground/ok/ep_01…` → `/api/playground/:mode/:endpoint`).
 * Every other segment is a literal of the matched route file, so the label set is bounded by the
 * routes whatever clients send: no id, garbage or otherwise, ever becomes a label value.
 */
export function routeLabel(pathname: string, params: Record<string, string | string[] | undefined> = {}): string {
  const nameOf = new Map<string, string>();
  for (const [name, value] of Object.entries(params)) {
    for (const segment of Array.isArray(value) ? value : value === undefined ? [] : [value]) {
      if (!nameOf.has(segment)) nameOf.set(segment, name);
    }
  }
  return pathname
    .split("/")
    .map((segment) => {
      const name = nameOf.get(decodeSegment(segment));
      return name === undefined ? segment : `:${name}`;
    })
    .join("/");
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
