// The delivery log's filters: what the URL holds (so a reload or a shared link keeps them), and
// how they become the API's list query. Time ranges like "last 24 hours" are anchored once, when
// chosen (or when the page is rendered), so the query — and its react-query key — stays stable
// while new messages keep arriving.
import type { z } from "zod";
import type { ZListMessagesQuery } from "@/lib/schemas/messages";

/** The list query of GET …/messages without its page (`limit`, `cursor`). */
export type MessageLogQuery = Omit<z.input<typeof ZListMessagesQuery>, "limit" | "cursor">;

/** Messages per page of the log (and per poll for new ones). */
export const LOG_PAGE_SIZE = 50;

export const DELIVERY_STATUSES = ["pending", "sending", "succeeded", "failed", "skipped"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const TIME_RANGES = [
  { value: "1h", label: "Last hour", ms: 3_600_000 },
  { value: "24h", label: "Last 24 hours", ms: 86_400_000 },
  { value: "7d", label: "Last 7 days", ms: 7 * 86_400_000 },
  { value: "30d", label: "Last 30 days", ms: 30 * 86_400_000 },
] as const;
export type TimeRange = (typeof TIME_RANGES)[number]["value"] | "custom" | "";

export interface MessageLogFilters {
  eventType: string;
  status: DeliveryStatus | "";
  endpointId: string;
  range: TimeRange;
  /** Custom range bounds, ISO times (empty: open). */
  from: string;
  to: string;
  /** Messages published to this channel / carrying this tag (lib/routing). */
  channel: string;
  tag: string;
}

export const NO_FILTERS: MessageLogFilters = {
  eventType: "",
  status: "",
  endpointId: "",
  range: "",
  from: "",
  to: "",
  channel: "",
  tag: "",
};

type SearchParams = Record<string, string | string[] | undefined>;

function isoOrEmpty(value: string): string {
  const time = value ? new Date(value) : null;
  return time && !Number.isNaN(time.getTime()) ? time.toISOString() : "";
}

/** Filters from the page's search params; unknown values are dropped, not errors. */
export function filtersFromSearchParams(params: SearchParams): MessageLogFilters {
  const one = (name: string) => {
    const value = params[name];
    return (Array.isArray(value) ? value[value.length - 1] : value)?.trim() ?? "";
  };
  const status = one("status");
  const range = one("range");
  const from = isoOrEmpty(one("from"));
  const to = isoOrEmpty(one("to"));
  return {
    eventType: one("eventType"),
    status: (DELIVERY_STATUSES as readonly string[]).includes(status) ? (status as DeliveryStatus) : "",
    endpointId: one("endpointId"),
    range: TIME_RANGES.some((option) => option.value === range) ? (range as TimeRange) : from || to ? "custom" : "",
    from,
    to,
    channel: one("channel"),
    tag: one("tag"),
  };
}

/** The search string that stands for `filters` (without the leading "?"). */
export function filtersToSearchParams(filters: MessageLogFilters): string {
  const params = new URLSearchParams();
  if (filters.eventType) params.set("eventType", filters.eventType);
  if (filters.status) params.set("status", filters.status);
  if (filters.endpointId) params.set("endpointId", filters.endpointId);
  if (filters.range === "custom") {
    if (filters.from) params.set("from", filters.from);
    if (filters.to) params.set("to", filters.to);
  } else if (filters.range) params.set("range", filters.range);
  if (filters.channel) params.set("channel", filters.channel);
  if (filters.tag) params.set("tag", filters.tag);
  return params.toString();
}

/** The API query for `filters`, with relative ranges counted back from `anchor` (ms). */
export function toLogQuery(filters: MessageLogFilters, anchor: number): MessageLogQuery {
  const preset = TIME_RANGES.find((option) => option.value === filters.range);
  const query: MessageLogQuery = {};
  if (filters.eventType) query.eventType = filters.eventType;
  if (filters.status) query.status = filters.status;
  if (filters.endpointId) query.endpointId = filters.endpointId;
  if (preset) query.from = new Date(anchor - preset.ms).toISOString();
  if (filters.range === "custom") {
    if (filters.from) query.from = filters.from;
    if (filters.to) query.to = filters.to;
  }
  if (filters.channel) query.channel = filters.channel;
  if (filters.tag) query.tag = filters.tag;
  return query;
}

export function hasFilters(filters: MessageLogFilters): boolean {
  return filtersToSearchParams(filters) !== "";
}
