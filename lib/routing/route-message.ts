// Which enabled endpoints of a tenant get a delivery of a message: the rules of the fan-out, in
// the order they are checked. Runs at publish over the endpoints read for it (prepare-messages.ts),
// before the one statement that writes the message and its deliveries, so a filter is
// evaluated against the very endpoint rows the fan-out uses.
import { matchesFilter, type FilterDocument } from "./filter";

/** An enabled endpoint as the fan-out reads it (snake_case: straight from SQL). */
export interface RoutableEndpoint {
  id: string;
  /** Event types it takes; null or empty: every type. */
  event_types: string[] | null;
  filter?: FilterDocument | null;
  /** Channels it takes; null or empty: every message. */
  channels?: string[] | null;
  ordering?: string | null;
}

export interface RoutableMessage {
  eventType: string;
  payload?: unknown;
  channels?: readonly string[];
}

/**
 * `deliver`, or why not: `unsubscribed` (event type or channels) or `filtered` (the payload
 * filter did not match; the message records these, to answer "why didn't my endpoint get it?").
 * `explicitOnly`: only endpoints that name the type (operational events).
 */
export function routeMessage(
  endpoint: RoutableEndpoint,
  message: RoutableMessage,
  explicitOnly = false,
): "deliver" | "unsubscribed" | "filtered" {
  const types = endpoint.event_types ?? [];
  if (types.length ? !types.includes(message.eventType) : explicitOnly) return "unsubscribed";
  const channels = endpoint.channels ?? [];
  if (channels.length && !message.channels?.some((channel) => channels.includes(channel))) return "unsubscribed";
  if (endpoint.filter && !matchesFilter(endpoint.filter, message.payload)) return "filtered";
  return "deliver";
}
