// What the web process reports: API request durations by route and status, and publishes by
// outcome. Route labels are path templates (ids replaced), so the number of series stays small.
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

// Collections whose next path segment is an id (or an event-type name).
const COLLECTIONS = new Set(["tenants", "endpoints", "messages", "event-types", "api-keys", "invites", "members"]);

/** `/api/v1/tenants/tnt_01…/messages/msg_01…` → `/api/v1/tenants/:id/messages/:id`, garbage ids included. */
export function routeLabel(pathname: string): string {
  const segments = pathname.split("/");
  return segments
    .map((segment, index) =>
      index > 0 && COLLECTIONS.has(segments[index - 1]!) && segment !== "" && segment !== "batch" ? ":id" : segment,
    )
    .join("/");
}
