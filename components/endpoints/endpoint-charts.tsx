"use client";
// The endpoint's performance over a range the user picks: headline numbers and the three
// charts (volume, success rate, latency percentiles), from the per-minute rollups.
import { useState } from "react";
import { DeliveryTotalsTiles } from "@/components/stats/delivery-totals-tiles";
import { RangePicker } from "@/components/stats/range-picker";
import { StatsCharts } from "@/components/stats/stats-charts";
import { TIME_RANGES, type TimeRange } from "@/components/stats/time-ranges";
import { BacklogChart } from "@/components/incidents/backlog-chart";
import { useEndpointStats } from "./use-endpoint-stats";

export function EndpointCharts({ tenantId, endpointId }: { tenantId: string; endpointId: string }) {
  const [range, setRange] = useState<TimeRange>("24h");
  const stats = useEndpointStats(tenantId, endpointId, range);
  const totals = stats.data?.totals;
  const granularity = stats.data?.granularity ?? TIME_RANGES[range].granularity;
  return (
    <section aria-labelledby="endpoint-performance" className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="endpoint-performance" className="text-lg font-semibold text-slate-900">
          Performance{" "}
          <span className="text-sm font-normal text-slate-500">· {TIME_RANGES[range].name.toLowerCase()}</span>
        </h2>
        <RangePicker value={range} onChange={setRange} />
      </div>
      {stats.isError && <p className="text-sm text-danger">Could not load the statistics.</p>}
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        <DeliveryTotalsTiles totals={totals} latency="p50" />
      </div>
      <StatsCharts series={stats.data?.series} totals={totals} granularity={granularity} loading={stats.isPending} />
      <BacklogChart tenantId={tenantId} endpointId={endpointId} range={range} />
    </section>
  );
}
