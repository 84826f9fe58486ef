"use client";
// The log's filter controls. Every change applies at once (no "Apply" button); a custom time
// range takes local date-times from the browser's picker and hands ISO times on.
import { SelectField, TextField } from "@/components/ui/field";
import { CHANNEL_NAME, ROUTING_LIMITS } from "@/lib/schemas/routing";
import { LabelFilterField } from "./label-filter-field";
import { DELIVERY_STATUSES, TIME_RANGES, type MessageLogFilters, type TimeRange } from "./message-filters";
import type { EndpointLabel } from "./use-endpoint-labels";

/** `2024-05-01T12:30` in local time for <input type="datetime-local">, from an ISO time. */
function toLocalInput(iso: string): string {
  if (!iso) return "";
  const date = new Date(iso);
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

function fromLocalInput(value: string): string {
  const date = value ? new Date(value) : null;
  return date && !Number.isNaN(date.getTime()) ? date.toISOString() : "";
}

export function MessageFiltersBar({
  filters,
  onChange,
  eventTypes,
  endpoints,
}: {
  filters: MessageLogFilters;
  onChange: (next: MessageLogFilters) => void;
  eventTypes: Array<{ name: string; archived: boolean }>;
  endpoints: EndpointLabel[];
}) {
  const set = (patch: Partial<MessageLogFilters>) => onChange({ ...filters, ...patch });
  // A filter taken from the URL that the lists do not (yet) hold still shows as chosen.
  const eventTypeNames =
    eventTypes.some((type) => type.name === filters.eventType) || !filters.eventType
      ? eventTypes
      : [...eventTypes, { name: filters.eventType, archived: false }];
  return (
    <div className="space-y-3">
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <SelectField
          label="Event type"
          value={filters.eventType}
          onChange={(event) => set({ eventType: event.target.value })}
        >
          <option value="">All event types</option>
          {eventTypeNames.map((type) => (
            <option key={type.name} value={type.name}>
              {type.name}
              {type.archived ? " (archived)" : ""}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Status"
          value={filters.status}
          onChange={(event) => set({ status: event.target.value as MessageLogFilters["status"] })}
          hint={filters.status ? "Messages with a delivery in this state" : undefined}
        >
          <option value="">Any status</option>
          {DELIVERY_STATUSES.map((status) => (
            <option key={status} value={status}>
              {status[0]!.toUpperCase() + status.slice(1)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Endpoint"
          value={filters.endpointId}
          onChange={(event) => set({ endpointId: event.target.value })}
        >
          <option value="">All endpoints</option>
          {filters.endpointId && !endpoints.some((endpoint) => endpoint.id === filters.endpointId) && (
            <option value={filters.endpointId}>{filters.endpointId}</option>
          )}
          {endpoints.map((endpoint) => (
            <option key={endpoint.id} value={endpoint.id}>
              {endpoint.label}
              {endpoint.disabled ? " (disabled)" : ""}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Time range"
          value={filters.range}
          onChange={(event) => set({ range: event.target.value as TimeRange, from: "", to: "" })}
        >
          <option value="">Any time</option>
          {TIME_RANGES.map((range) => (
            <option key={range.value} value={range.value}>
              {range.label}
            </option>
          ))}
          <option value="custom">Custom range…</option>
        </SelectField>
      </div>
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <LabelFilterField
          label="Channel"
          placeholder="Any channel"
          value={filters.channel}
          check={(name) =>
            CHANNEL_NAME.test(name) && name.length <= ROUTING_LIMITS.labelMaxLength
              ? null
              : "Lower-case letters, digits, '.', '_' and '-'."
          }
          onApply={(channel) => set({ channel })}
        />
        <LabelFilterField
          label="Tag"
          placeholder="Any tag"
          value={filters.tag}
          check={(name) => (name.length <= ROUTING_LIMITS.labelMaxLength ? null : "At most 64 characters.")}
          onApply={(tag) => set({ tag })}
        />
      </div>
      {filters.range === "custom" && (
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <TextField
            label="From"
            type="datetime-local"
            value={toLocalInput(filters.from)}
            max={toLocalInput(filters.to) || undefined}
            onChange={(event) => set({ from: fromLocalInput(event.target.value) })}
            hint="Created at or after (your time zone)"
          />
          <TextField
            label="To"
            type="datetime-local"
            value={toLocalInput(filters.to)}
            min={toLocalInput(filters.from) || undefined}
            onChange={(event) => set({ to: fromLocalInput(event.target.value) })}
            hint="Created before"
          />
        </div>
      )}
    </div>
  );
}
