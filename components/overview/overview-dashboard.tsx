"use client";
// The tenant's overview: the live queue and the headline numbers, messages and attempts,
// success rate and latency over a picked range, and the endpoints that need attention.
import { useState } from "react";
import { StatTile } from "@/components/ui/stat-tile";
import { DeliveryTotalsTiles } from "@/components/stats/delivery-totals-tiles";
import { formatCount } from "@/components/stats/format";
import { RangePicker } from "@/components/stats/range-picker";
import { StatsCharts } from "@/components/stats/stats-charts";
import { TIME_RANGES, type TimeRange } from "@/components/stats/time-ranges";
import { AttentionList } from "./attention-list";
import { useLiveQueue, useTenantStats } from "./use-tenant-stats";

/** Deliveries not done yet: waiting for their (next) try, or being sent right now. */
function LiveQueueTile({ tenantId }: { tenantId: string }) {
  const live = useLiveQueue(tenantId);
  const queue = live.data?.queue;
  const recent = live.data?.totals;
  return (
    <StatTile
      live
      className="col-span-2 lg:col-span-1"
      label="Pending deliveries"
      value={
        <span aria-live="polite">
          {queue ? `${formatCount(queue.pending + queue.sending)}${queue.capped ? "+" : ""}` : "…"}
        </span>
      }
      detail={
        queue && recent ? `${formatCount(queue.sending)} sending · ${formatCount(recent.total)} tries/5 min` : "Live"
      }
    />
  );
}

export function OverviewDashboard({ tenantId }: { tenantId: string }) {
  const [range, setRange] = useState<TimeRange>("24h");
  const stats = useTenantStats(tenantId, range);
  const totals = stats.data?.totals;
  const granularity = stats.data?.granularity ?? TIME_RANGES[range].granularity;
  const period = TIME_RANGES[range].name.toLowerCase();
  return (
    <div className="space-y-6">
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-5">
        <LiveQueueTile tenantId={tenantId} />
        <StatTile label="Messages" value={totals ? formatCount(totals.messages) : "…"} detail={period} />
        <DeliveryTotalsTiles totals={totals} latency="p95" />
      </div>
      <section aria-labelledby="overview-performance" className="space-y-4">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="overview-performance" className="text-lg font-semibold text-slate-900">
            Delivery performance <span className="text-sm font-normal text-slate-500">· {period}</span>
          </h2>
          <RangePicker value={range} onChange={setRange} />
        </div>
        {stats.isError && <p className="text-sm text-danger">Could not load the statistics.</p>}
        <StatsCharts series={stats.data?.series} totals={totals} granularity={granularity} loading={stats.isPending} />
      </section>
      <AttentionList tenantId={tenantId} />
    </div>
  );
}
