import type { ReactNode } from "react";
import { cn } from "./cn";

/** A headline number with its label and a line of context. */
export function StatTile({
  label,
  value,
  detail,
  className,
  live,
}: {
  label: string;
  value: ReactNode;
  detail?: ReactNode;
  className?: string;
  live?: boolean;
}) {
  return (
    <div
      role="group"
      aria-label={label}
      className={cn("min-w-0 rounded-lg border border-slate-200 bg-surface px-4 py-3 shadow-sm", className)}
    >
      <p className="flex items-center gap-1.5 text-xs font-medium uppercase tracking-wide text-slate-500">
        {live && (
          <span aria-hidden className="relative flex h-2 w-2">
            <span className="absolute inline-flex h-full w-full animate-ping rounded-full bg-emerald-400 opacity-75" />
            <span className="relative inline-flex h-2 w-2 rounded-full bg-emerald-500" />
          </span>
        )}
        {label}
      </p>
      <p className="mt-1 truncate text-2xl font-semibold tabular-nums text-slate-900">{value}</p>
      {detail && <p className="mt-0.5 truncate text-xs text-slate-500">{detail}</p>}
    </div>
  );
}
