"use client";
// Which event types an endpoint receives: all of them (also types added to the catalog later),
// or a chosen few, picked from the catalog with a search over names and descriptions. Hookline's
// own operational events are not in the catalog; an endpoint receives them only when they are
// chosen here by name, from their own list.
import { useId, useMemo, useState } from "react";
import { focusRing } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Spinner } from "@/components/ui/spinner";
import { OPERATIONAL_EVENT_TYPES, OPERATIONAL_TYPE_NAMES } from "@/lib/operational-webhooks/operational-event-catalog";
import { useEventTypeCatalog } from "./use-event-type-catalog";

interface Props {
  all: boolean;
  selected: string[];
  error?: string;
  onChange: (next: { all: boolean; selected: string[] }) => void;
}

export function EventTypePicker({ all, selected, error, onChange }: Props) {
  const id = useId();
  const catalog = useEventTypeCatalog();
  const [search, setSearch] = useState("");
  const matches = useMemo(() => {
    const needle = search.trim().toLowerCase();
    const entries = catalog.data ?? [];
    return needle
      ? entries.filter(
          (entry) => entry.name.toLowerCase().includes(needle) || entry.description.toLowerCase().includes(needle),
        )
      : entries;
  }, [catalog.data, search]);
  const chosen = new Set(selected);
  const toggle = (name: string) =>
    onChange({ all, selected: chosen.has(name) ? selected.filter((other) => other !== name) : [...selected, name] });

  return (
    <fieldset aria-describedby={error ? `${id}-error` : undefined} className="space-y-3">
      <legend className="text-sm font-medium text-slate-700">Event types</legend>
      <div className="space-y-2 text-sm">
        <label className="flex items-start gap-2">
          <input
            type="radio"
            name={`${id}-mode`}
            checked={all}
            onChange={() => onChange({ all: true, selected })}
            className={cn("mt-0.5 h-4 w-4 accent-brand-600", focusRing)}
          />
          <span>
            <span className="font-medium text-slate-900">All event types</span>
            <span className="block text-slate-500">
              Including types added to the catalog later. Hookline&apos;s operational events come only when chosen.
            </span>
          </span>
        </label>
        <label className="flex items-start gap-2">
          <input
            type="radio"
            name={`${id}-mode`}
            checked={!all}
            data-invalid={error ? true : undefined}
            onChange={() => onChange({ all: false, selected })}
            className={cn("mt-0.5 h-4 w-4 accent-brand-600", focusRing)}
          />
          <span>
            <span className="font-medium text-slate-900">Only the types I choose</span>
          </span>
        </label>
      </div>

      {!all && (
        <div className="space-y-3 rounded-md border border-slate-200 bg-slate-50 p-3">
          {selected.length > 0 && (
            <ul aria-label="Chosen event types" className="flex flex-wrap gap-1.5">
              {selected.map((name) => (
                <li
                  key={name}
                  className="inline-flex items-center gap-1 rounded-full bg-brand-50 py-0.5 pl-2.5 pr-1 font-mono text-xs text-brand-700 ring-1 ring-brand-100"
                >
                  {name}
                  <button
                    type="button"
                    onClick={() => toggle(name)}
                    aria-label={`Remove ${name}`}
                    className={cn("rounded-full px-1 text-brand-700 hover:bg-brand-100", focusRing)}
                  >
                    ×
                  </button>
                </li>
              ))}
            </ul>
          )}
          <div>
            <label htmlFor={`${id}-search`} className="sr-only">
              Search event types
            </label>
            <input
              id={`${id}-search`}
              type="search"
              value={search}
              onChange={(event) => setSearch(event.target.value)}
              placeholder="Search event types…"
              className={cn(
                "block w-full rounded-md border border-slate-300 bg-surface px-3 py-2 text-sm shadow-sm placeholder:text-slate-400",
                focusRing,
              )}
            />
          </div>
          {catalog.isPending ? (
            <div className="flex items-center gap-2 text-sm text-slate-500">
              <Spinner className="h-4 w-4" /> Loading the catalog…
            </div>
          ) : catalog.isError ? (
            <p className="text-sm text-danger">Could not load the event-type catalog.</p>
          ) : (catalog.data ?? []).length === 0 ? (
            <p className="text-sm text-slate-600">
              The catalog has no event types yet: an operator defines them. Until then, receive all types.
            </p>
          ) : (
            <>
              <ul
                aria-label="Event types in the catalog"
                className="max-h-64 divide-y divide-slate-200 overflow-y-auto rounded-md border border-slate-200 bg-surface"
              >
                {matches.map((entry) => (
                  <li key={entry.name}>
                    <label className="flex cursor-pointer items-start gap-3 px-3 py-2 hover:bg-slate-50">
                      <input
                        type="checkbox"
                        checked={chosen.has(entry.name)}
                        onChange={() => toggle(entry.name)}
                        className={cn("mt-0.5 h-4 w-4 shrink-0 accent-brand-600", focusRing)}
                      />
                      <span className="min-w-0">
                        <span className="block break-all font-mono text-sm text-slate-900">{entry.name}</span>
                        {entry.description && <span className="block text-xs text-slate-500">{entry.description}</span>}
                      </span>
                    </label>
                  </li>
                ))}
                {matches.length === 0 && (
                  <li className="px-3 py-4 text-center text-sm text-slate-500">No event type matches “{search}”.</li>
                )}
              </ul>
              <p className="text-xs text-slate-500" aria-live="polite">
                {selected.length} chosen · {matches.length} of {catalog.data?.length ?? 0} shown
              </p>
            </>
          )}
          <ul
            aria-label="Hookline's operational events"
            className="divide-y divide-slate-200 rounded-md border border-slate-200 bg-surface"
          >
            <li className="px-3 py-2 text-xs font-medium text-slate-600">
              Hookline&apos;s operational events (about your endpoints, sent by Hookline itself)
            </li>
            {OPERATIONAL_TYPE_NAMES.map((name) => (
              <li key={name}>
                <label className="flex cursor-pointer items-start gap-3 px-3 py-2 hover:bg-slate-50">
                  <input
                    type="checkbox"
                    checked={chosen.has(name)}
                    onChange={() => toggle(name)}
                    className={cn("mt-0.5 h-4 w-4 shrink-0 accent-brand-600", focusRing)}
                  />
                  <span className="min-w-0">
                    <span className="block break-all font-mono text-sm text-slate-900">{name}</span>
                    <span className="block text-xs text-slate-500">{OPERATIONAL_EVENT_TYPES[name].description}</span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </div>
      )}
      {error && (
        <p id={`${id}-error`} className="text-sm text-danger">
          {error}
        </p>
      )}
    </fieldset>
  );
}
