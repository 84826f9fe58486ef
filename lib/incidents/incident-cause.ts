// Why a try failed, as the cause an incident groups by: the HTTP status class of an answer
// (`http_5xx`, `http_4xx`, …) or the kind of error when there was none (`timeout`, `connect`,
// `tls`, `ssrf_blocked`, `transformation`, …: lib/sending/classify-request-error.ts).
// No server module: the dashboard names causes with the same list.
import type { WebhookResponse } from "@/lib/sending/send-webhook";

export function incidentCause(response: Pick<WebhookResponse, "status" | "errorKind">): string {
  if (response.status !== null) {
    const hundreds = Math.floor(response.status / 100);
    return hundreds >= 1 && hundreds <= 5 ? `http_${hundreds}xx` : "http_other";
  }
  return response.errorKind ?? "error";
}

/** Alert causes (kind "alert"), evaluated by the maintenance loop (lib/incidents/evaluate-health-alerts.ts). */
export const ALERT_CAUSES = ["success_rate", "latency_p95", "backlog"] as const;
export type AlertCause = (typeof ALERT_CAUSES)[number];

const LABELS: Record<string, string> = {
  http_5xx: "HTTP 5xx answers",
  http_4xx: "HTTP 4xx answers",
  http_3xx: "HTTP 3xx answers (redirects are not followed)",
  timeout: "Timeouts",
  connect: "Connection refused",
  connection_reset: "Connections reset",
  dns: "DNS failures",
  tls: "TLS errors",
  ssrf_blocked: "Blocked addresses",
  transformation: "Transformation errors",
  success_rate: "Success rate below its baseline",
  latency_p95: "p95 latency above its baseline",
  backlog: "Backlog growing",
};

/** A cause as people read it. */
export const causeLabel = (cause: string) => LABELS[cause] ?? cause.replaceAll("_", " ");
