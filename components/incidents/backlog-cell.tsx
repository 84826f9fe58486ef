"use client";
// An endpoint's queue in the endpoints list: due / scheduled / sending and the oldest pending
// delivery's age, or "Empty".
import { formatCount } from "@/components/stats/format";
import { formatAge } from "./format-age";
import type { EndpointBacklogNow } from "./use-incidents";

export function BacklogCell({ backlog }: { backlog: EndpointBacklogNow | undefined }) {
  if (!backlog) return <span className="text-slate-400">…</span>;
  const total = backlog.due + backlog.scheduled + backlog.sending;
  if (total === 0) return <span className="text-slate-500">Empty</span>;
  return (
    <span className="tabular-nums" title="due · scheduled · sending">
      <span className="font-medium text-slate-900">{formatCount(backlog.due)}</span> due ·{" "}
      {formatCount(backlog.scheduled)} sched. · {formatCount(backlog.sending)} sending
      <span className="block text-xs text-slate-500">oldest {formatAge(backlog.oldestPendingSeconds)}</span>
    </span>
  );
}
