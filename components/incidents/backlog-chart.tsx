"use client";
// An endpoint's backlog over the picked range: due, scheduled (waiting for a retry) and sending,
// stacked, from the workers' per-minute samples (a minute without a sample had nothing queued),
// with the queue right now as the headline.
import { memo } from "react";
import { Area, AreaChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { AXIS_TICK, CHART_COLORS, TOOLTIP_STYLE } from "@/components/stats/chart-colors";
import { formatCount, formatTick } from "@/components/stats/format";
import type { TimeRange } from "@/components/stats/time-ranges";
import { TIME_RANGES } from "@/components/stats/time-ranges";
import { ChartFrame, LegendItem } from "@/components/ui/chart-frame";
import { formatAge } from "./format-age";
import { useEndpointBacklog } from "./use-incidents";

const SERIES = [
  { key: "due", label: "Due", color: CHART_COLORS.failed },
  { key: "scheduled", label: "Scheduled", color: CHART_COLORS.p99 },
  { key: "sending", label: "Sending", color: CHART_COLORS.rate },
] as const;

export const BacklogChart = memo(function BacklogChart({
  tenantId,
  endpointId,
  range,
}: {
  tenantId: string;
  endpointId: string;
  range: TimeRange;
}) {
  const backlog = useEndpointBacklog(tenantId, endpointId, range);
  const now = backlog.data?.now;
  const granularity = TIME_RANGES[range].granularity === "day" ? "hour" : TIME_RANGES[range].granularity;
  const series = backlog.data?.series ?? [];
  return (
    <ChartFrame
      title="Backlog"
      figure={
        now &&
        `${formatCount(now.due)} due · ${formatCount(now.scheduled)} scheduled · ${formatCount(now.sending)} sending${
          now.oldestPendingSeconds > 0 ? ` · oldest ${formatAge(now.oldestPendingSeconds)}` : ""
        }`
      }
      legend={SERIES.map((item) => (
        <LegendItem key={item.key} color={item.color} label={item.label} />
      ))}
      loading={backlog.isPending}
      empty={series.every((point) => point.due + point.scheduled + point.sending === 0)}
      emptyText="Nothing was queued in this range"
    >
      <ResponsiveContainer width="100%" height="100%" minWidth={0}>
        <AreaChart data={series} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid vertical={false} stroke={CHART_COLORS.grid} />
          <XAxis
            dataKey="minute"
            tickFormatter={(value: string) => formatTick(value, granularity)}
            tick={AXIS_TICK}
            tickLine={false}
            axisLine={{ stroke: CHART_COLORS.grid }}
            minTickGap={28}
          />
          <YAxis
            allowDecimals={false}
            tick={AXIS_TICK}
            tickLine={false}
            axisLine={false}
            width={40}
            tickFormatter={(value: number) => formatCount(value)}
          />
          <Tooltip
            {...TOOLTIP_STYLE}
            cursor={{ stroke: CHART_COLORS.axis }}
            labelFormatter={(value) => new Date(String(value)).toLocaleString("en-US")}
            formatter={(value, name) => [formatCount(Number(value)), String(name)]}
          />
          {SERIES.map((item) => (
            <Area
              key={item.key}
              dataKey={item.key}
              name={item.label}
              stackId="backlog"
              type="stepAfter"
              stroke={item.color}
              fill={item.color}
              fillOpacity={0.25}
              isAnimationActive={false}
            />
          ))}
        </AreaChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
});
