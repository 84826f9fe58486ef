// The frame of every chart: a title, an optional headline figure, a fixed-height plot area
// (so the page does not jump while data loads) and the empty state when nothing happened.
import type { ReactNode } from "react";
import { cn } from "./cn";
import { Spinner } from "./spinner";

export function ChartFrame({
  title,
  figure,
  legend,
  loading,
  empty,
  emptyText = "No attempts in this range",
  height = 220,
  children,
  className,
}: {
  title: string;
  figure?: ReactNode;
  legend?: ReactNode;
  loading?: boolean;
  empty?: boolean;
  emptyText?: string;
  height?: number;
  children: ReactNode;
  className?: string;
}) {
  return (
    <figure className={cn("min-w-0 rounded-lg border border-slate-200 bg-surface p-4 shadow-sm", className)}>
      <figcaption className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
        <span className="text-sm font-semibold text-slate-900">{title}</span>
        {figure && <span className="text-sm tabular-nums text-slate-600">{figure}</span>}
      </figcaption>
      {legend && <div className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600">{legend}</div>}
      <div className="relative mt-3" style={{ height }}>
        {loading ? (
          <div className="grid h-full place-items-center text-slate-400">
            <Spinner label={`Loading ${title.toLowerCase()}`} />
          </div>
        ) : empty ? (
          <div className="grid h-full place-items-center rounded-md border border-dashed border-slate-200 text-sm text-slate-500">
            {emptyText}
          </div>
        ) : (
          children
        )}
      </div>
    </figure>
  );
}

/** One entry of a chart legend: a colour swatch and its name. */
export function LegendItem({ color, label, dashed }: { color: string; label: string; dashed?: boolean }) {
  return (
    <span className="inline-flex items-center gap-1.5">
      <span
        aria-hidden
        className={cn("inline-block h-0.5 w-4", dashed && "border-t-2 border-dashed bg-transparent")}
        style={dashed ? { borderColor: color } : { backgroundColor: color, height: 3 }}
      />
      {label}
    </span>
  );
}
