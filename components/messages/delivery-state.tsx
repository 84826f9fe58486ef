// How a delivery's state reads in the log and on a message: a word, a colour, the HTTP status.
// A pending delivery that was already tried is "retrying": it failed and waits for its next try.
// "skipped": the endpoint's transformation gave no result, so nothing was sent (not a failure).
import type { Schemas } from "@/client/browser-api";
import { Badge, STATUS_TONE, type Tone } from "@/components/ui/badge";

export type DeliveryState = Pick<
  Schemas["MessageSummary"]["endpoints"][number],
  "status" | "attemptCount" | "lastStatusCode"
>;

export function deliveryStateLabel(state: DeliveryState): string {
  return state.status === "pending" && state.attemptCount > 0 ? "retrying" : state.status;
}

export function deliveryStateTone(state: DeliveryState): Tone {
  return state.status === "pending" && state.attemptCount > 0 ? "warning" : (STATUS_TONE[state.status] ?? "neutral");
}

/** "failed · 400": the state and, when it says something, the receiver's last status. */
export function DeliveryStateBadge({ state }: { state: DeliveryState }) {
  const showCode = state.lastStatusCode !== null && state.status !== "succeeded";
  return (
    <Badge tone={deliveryStateTone(state)} className="shrink-0">
      {deliveryStateLabel(state)}
      {showCode && <span className="ml-1 font-mono">· {state.lastStatusCode}</span>}
    </Badge>
  );
}

export function describeDeliveryState(state: DeliveryState): string {
  const tries = `${state.attemptCount} attempt${state.attemptCount === 1 ? "" : "s"}`;
  return `${deliveryStateLabel(state)}, ${tries}${state.lastStatusCode !== null ? `, last answer HTTP ${state.lastStatusCode}` : ""}`;
}
