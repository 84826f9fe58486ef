"use client";
// The catalog as tenants see it: search over names, descriptions and field names (in the
// browser, as you type; the query stays in the URL), archived types marked and listed last.
import { useMemo, useState } from "react";
import { EmptyState } from "@/components/ui/empty-state";
import { TextField } from "@/components/ui/field";
import { Spinner } from "@/components/ui/spinner";
import { EventTypeCard } from "./event-type-card";
import { schemaFieldNames } from "./schema-fields";
import { useEventTypes, type EventTypeView } from "./use-event-types";

function matches(eventType: EventTypeView, words: string[]): boolean {
  const haystack = [eventType.name, eventType.description, ...schemaFieldNames(eventType.schema)]
    .join(" ")
    .toLowerCase();
  return words.every((word) => haystack.includes(word));
}

export function EventTypeCatalog({
  tenantId,
  initialSearch,
  initialPage,
}: {
  tenantId: string;
  initialSearch: string;
  initialPage: { data: EventTypeView[]; nextCursor: string | null };
}) {
  const [search, setSearch] = useState(initialSearch);
  const catalog = useEventTypes({ includeArchived: true, initialPage });
  const shown = useMemo(() => {
    const words = search.toLowerCase().split(/\s+/).filter(Boolean);
    return catalog.eventTypes
      .filter((eventType) => matches(eventType, words))
      .sort((a, b) => Number(a.archived) - Number(b.archived));
  }, [catalog.eventTypes, search]);

  function changeSearch(value: string) {
    setSearch(value);
    const params = new URLSearchParams(window.location.search);
    if (value) params.set("q", value);
    else params.delete("q");
    const query = params.toString();
    window.history.replaceState(null, "", `${window.location.pathname}${query ? `?${query}` : ""}`);
  }

  if (catalog.isPending)
    return <Spinner label="Loading the catalog" className="mx-auto my-16 h-6 w-6 text-slate-400" />;
  if (!catalog.eventTypes.length) {
    return (
      <EmptyState title="The catalog is empty">
        Event types (like <code className="font-mono">invoice.paid</code>) are defined by the platform&apos;s operator.
        Once there are some, they are listed here with their schema and an example, and your endpoints can subscribe to
        them.
      </EmptyState>
    );
  }
  const exact = shown.length === 1 || shown.some((eventType) => eventType.name === search.trim());
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="w-full sm:max-w-sm">
          <TextField
            label="Search event types"
            type="search"
            value={search}
            placeholder="Name, description or field"
            onChange={(event) => changeSearch(event.target.value)}
          />
        </div>
        <p className="text-sm text-slate-600" aria-live="polite">
          {search.trim()
            ? `${shown.length} of ${catalog.eventTypes.length} event types match`
            : `${catalog.eventTypes.length} event type${catalog.eventTypes.length === 1 ? "" : "s"}`}
        </p>
      </div>
      {shown.length ? (
        <ul aria-label="Event types" className="space-y-3">
          {shown.map((eventType) => (
            <EventTypeCard
              key={eventType.id}
              eventType={eventType}
              tenantId={tenantId}
              open={exact && (shown.length === 1 || eventType.name === search.trim())}
            />
          ))}
        </ul>
      ) : (
        <EmptyState title={`No event type matches “${search.trim()}”`}>
          Search looks at names, descriptions and the names of the fields in each schema.
        </EmptyState>
      )}
    </div>
  );
}
