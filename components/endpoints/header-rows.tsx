"use client";
// Custom headers as editable rows: a name and a value each, added and removed one at a time.
// Values are stored encrypted (they are often credentials) and masked in attempt logs.
import { Button, focusRing } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { ENDPOINT_LIMITS } from "@/lib/schemas/endpoint-rules";
import { newHeaderRow, type FormErrors, type HeaderRow } from "./endpoint-form-values";

const input = cn(
  "block w-full rounded-md border bg-surface px-3 py-2 font-mono text-sm text-slate-900 shadow-sm placeholder:text-slate-400",
  focusRing,
);

export function HeaderRows({
  rows,
  errors,
  onChange,
}: {
  rows: HeaderRow[];
  errors: FormErrors;
  onChange: (rows: HeaderRow[]) => void;
}) {
  const update = (id: string, patch: Partial<HeaderRow>) =>
    onChange(rows.map((row) => (row.id === id ? { ...row, ...patch } : row)));
  return (
    <div className="space-y-3">
      {rows.length === 0 && (
        <p className="text-sm text-slate-500">
          No custom headers. Add one to send, for example, a routing key or a static API token with every webhook.
        </p>
      )}
      {rows.length > 0 && (
        <ul aria-label="Custom headers" className="space-y-3">
          {rows.map((row, index) => {
            const nameError = errors[`headers.${row.id}.name`];
            const valueError = errors[`headers.${row.id}.value`];
            return (
              <li
                key={row.id}
                className="grid grid-cols-[1fr_auto] gap-2 sm:grid-cols-[minmax(0,2fr)_minmax(0,3fr)_auto] sm:items-start"
              >
                <div className="col-span-2 sm:col-span-1">
                  <label htmlFor={`${row.id}-name`} className="sr-only">{`Header ${index + 1} name`}</label>
                  <input
                    id={`${row.id}-name`}
                    value={row.name}
                    onChange={(event) => update(row.id, { name: event.target.value })}
                    placeholder="X-Header-Name"
                    autoComplete="off"
                    spellCheck={false}
                    aria-invalid={nameError ? true : undefined}
                    aria-describedby={nameError ? `${row.id}-name-error` : undefined}
                    className={cn(input, nameError ? "border-red-500" : "border-slate-300")}
                  />
                  {nameError && (
                    <p id={`${row.id}-name-error`} className="mt-1 text-sm text-danger">
                      {nameError}
                    </p>
                  )}
                </div>
                <div>
                  <label htmlFor={`${row.id}-value`} className="sr-only">{`Header ${index + 1} value`}</label>
                  <input
                    id={`${row.id}-value`}
                    value={row.value}
                    onChange={(event) => update(row.id, { value: event.target.value })}
                    placeholder="value"
                    autoComplete="off"
                    spellCheck={false}
                    aria-invalid={valueError ? true : undefined}
                    aria-describedby={valueError ? `${row.id}-value-error` : undefined}
                    className={cn(input, valueError ? "border-red-500" : "border-slate-300")}
                  />
                  {valueError && (
                    <p id={`${row.id}-value-error`} className="mt-1 text-sm text-danger">
                      {valueError}
                    </p>
                  )}
                </div>
                <Button
                  variant="ghost"
                  onClick={() => onChange(rows.filter((other) => other.id !== row.id))}
                  aria-label={`Remove header ${index + 1}${row.name ? ` (${row.name})` : ""}`}
                >
                  Remove
                </Button>
              </li>
            );
          })}
        </ul>
      )}
      {errors.headers && <p className="text-sm text-danger">{errors.headers}</p>}
      <Button
        variant="secondary"
        size="sm"
        disabled={rows.length >= ENDPOINT_LIMITS.headersMax}
        onClick={() => onChange([...rows, newHeaderRow()])}
      >
        Add header
      </Button>
    </div>
  );
}
