// What state an endpoint is in, in words: enabled, failing (enabled, but its latest attempts
// failed) or disabled, and why it was disabled. The same wording on the list, the detail page
// and the overview.
import { Badge, type Tone } from "@/components/ui/badge";
import type { EndpointView } from "./use-endpoint";

type StateInput = Pick<EndpointView, "status" | "disabledReason" | "failingSince">;

const REASONS: Record<string, string> = {
  gone: "The receiver answered 410 Gone, which means “stop sending”.",
  failing: "Disabled automatically: every attempt failed for days.",
  manual: "Disabled by a member of your team.",
  fifo_head_failed:
    "Paused: a message of a FIFO ordering key failed for good. Fix the receiver, enable the endpoint and recover its failed deliveries: they are sent again in their original order.",
};

export function disabledReasonText(reason: string | null): string {
  if (!reason) return "Disabled.";
  return REASONS[reason] ?? `Disabled: ${reason}`;
}

export function endpointState(endpoint: StateInput): { label: string; tone: Tone } {
  if (endpoint.status === "disabled")
    return {
      label:
        endpoint.disabledReason && REASONS[endpoint.disabledReason]
          ? `Disabled · ${endpoint.disabledReason}`
          : "Disabled",
      tone: "warning",
    };
  if (endpoint.failingSince) return { label: "Failing", tone: "danger" };
  return { label: "Enabled", tone: "success" };
}

export function EndpointStateBadge({ endpoint }: { endpoint: StateInput }) {
  const { label, tone } = endpointState(endpoint);
  return <Badge tone={tone}>{label}</Badge>;
}

/** A success rate in the colour of its health: green from 99 %, amber from 90 %, red below. */
export function rateTone(rate: number | null): string {
  if (rate === null) return "text-slate-400";
  if (rate >= 0.99) return "text-emerald-700";
  if (rate >= 0.9) return "text-amber-700";
  return "text-red-700";
}
