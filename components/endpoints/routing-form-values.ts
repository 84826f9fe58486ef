// The routing part of the endpoint form (payload filter, channels, FIFO ordering): its state,
// its checks in the browser (the same filter checks as the server, lib/routing/filter.ts), the
// API fields it becomes, and where the API's `filter.…` / `channels.…` errors go.
import { checkFilter, type FilterDocument } from "@/lib/routing/filter";
import { CHANNEL_NAME, ROUTING_LIMITS } from "@/lib/schemas/routing";
import type { FormErrors } from "./endpoint-form-values";
import type { EndpointView } from "./use-endpoint";

export interface RoutingFormValues {
  /** The filter as JSON text; blank for none. */
  filter: string;
  /** Channel names, separated by commas or spaces; blank for every message. */
  channels: string;
  ordering: "none" | "fifo";
  fifoOnFailure: "skip" | "pause";
}

export function initialRoutingValues(endpoint?: EndpointView): RoutingFormValues {
  return {
    filter: endpoint?.filter ? JSON.stringify(endpoint.filter, null, 2) : "",
    channels: endpoint?.channels.join(", ") ?? "",
    ordering: endpoint?.ordering ?? "none",
    fifoOnFailure: endpoint?.fifoOnFailure ?? "skip",
  };
}

export const channelList = (text: string) => [...new Set(text.split(/[\s,]+/).filter(Boolean))];

/** The filter document, or the reason it is not one (JSON syntax or a filter rule, with its path). */
export function parseFilterText(text: string): { filter: FilterDocument | null } | { error: string } {
  if (!text.trim()) return { filter: null };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { error: `Not valid JSON: ${(error as Error).message}` };
  }
  const [issue] = checkFilter(value);
  if (issue)
    return { error: issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : `The filter ${issue.message}.` };
  return { filter: value as FilterDocument };
}

export function validateRouting(values: RoutingFormValues, errors: FormErrors): void {
  const parsed = parseFilterText(values.filter);
  if ("error" in parsed) errors.filter = parsed.error;
  const channels = channelList(values.channels);
  if (channels.length > ROUTING_LIMITS.channelsMax) errors.channels = `At most ${ROUTING_LIMITS.channelsMax} channels.`;
  const bad = channels.find((channel) => !CHANNEL_NAME.test(channel) || channel.length > ROUTING_LIMITS.labelMaxLength);
  if (bad)
    errors.channels = `"${bad}" is not a channel name: lower-case letters, digits, '.', '_' and '-', at most ${ROUTING_LIMITS.labelMaxLength}.`;
}

export function routingBody(values: RoutingFormValues) {
  const parsed = parseFilterText(values.filter);
  return {
    filter: "filter" in parsed ? parsed.filter : null,
    channels: channelList(values.channels),
    ordering: values.ordering,
    fifoOnFailure: values.fifoOnFailure,
  };
}

/** `filter.amount.$gte` → the filter field (with the path); `channels.2` → channels. */
export function routingErrorFromApi(path: string, message: string, errors: FormErrors): boolean {
  const [head, ...rest] = path.split(".");
  if (head === "filter") errors.filter = rest.length ? `${rest.join(".")}: ${message}` : message;
  else if (head === "channels") errors.channels = message;
  else if (head === "ordering" || head === "fifoOnFailure") errors[head] = message;
  else return false;
  return true;
}
