"use client";
// A small set of exclusive choices shown side by side (a chart's time range, a list filter).
// Native radio buttons underneath: arrow keys move between them, the group has a name for
// screen readers, and the focus ring shows on the visible segment.
import { useId } from "react";
import { cn } from "./cn";

export interface Segment<Value extends string> {
  value: Value;
  label: string;
  /** Spoken instead of the short label ("Last 24 hours" for "24 h"). */
  accessibleName?: string;
}

export function SegmentedControl<Value extends string>({
  label,
  value,
  options,
  onChange,
  className,
}: {
  label: string;
  value: Value;
  options: readonly Segment<Value>[];
  onChange: (value: Value) => void;
  className?: string;
}) {
  const name = useId();
  return (
    <fieldset className={cn("inline-flex rounded-md border border-slate-300 bg-surface p-0.5 shadow-sm", className)}>
      <legend className="sr-only">{label}</legend>
      {options.map((option) => (
        <label key={option.value} className="relative">
          <input
            type="radio"
            name={name}
            value={option.value}
            checked={option.value === value}
            onChange={() => onChange(option.value)}
            aria-label={option.accessibleName}
            className="peer sr-only"
          />
          <span
            className={cn(
              "block cursor-pointer select-none whitespace-nowrap rounded px-2.5 py-1 text-xs font-medium text-slate-600 hover:text-slate-900",
              "peer-checked:bg-brand-600 peer-checked:text-white peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-600",
            )}
          >
            {option.label}
          </span>
        </label>
      ))}
    </fieldset>
  );
}
