"use client";
// The three charts of a stats series (an endpoint's or a whole tenant's): volume, success rate
// and latency percentiles over time. Animations are off, so screenshots are stable and the
// charts draw at once. Each chart is memoised: recharts re-renders are costly, and the pages
// around them re-render on every poll (react-query keeps `series` the same object when the
// data did not change).
import { memo, type ReactNode } from "react";
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { Schemas } from "@/client/browser-api";
import { ChartFrame, LegendItem } from "@/components/ui/chart-frame";
import { AXIS_TICK, CHART_COLORS } from "./chart-colors";
import { countOf, formatBucket, formatCount, formatMs, formatMsTick, formatRate, formatTick } from "./format";
import type { Granularity } from "./time-ranges";

type TenantStats = Schemas["TenantStats"];
type EndpointStats = Schemas["EndpointStats"];
/** A point of an endpoint's series or a tenant's (only a tenant's counts the messages published). */
export type StatsPoint = EndpointStats["series"][number] & Partial<Pick<TenantStats["series"][number], "messages">>;
export type StatsTotals = EndpointStats["totals"] & Partial<Pick<TenantStats["totals"], "messages">>;

interface ChartProps {
  series: StatsPoint[] | undefined;
  totals: StatsTotals | undefined;
  granularity: Granularity;
  loading?: boolean;
}

function xAxis(granularity: Granularity) {
  return (
    <XAxis
      dataKey="time"
      tickFormatter={(value: string) => formatTick(value, granularity)}
      tick={AXIS_TICK}
      tickLine={false}
      axisLine={{ stroke: CHART_COLORS.grid }}
      minTickGap={28}
    />
  );
}

type Rows = (point: StatsPoint) => Array<{ label: string; value: string; color: string }>;

function TooltipCard({
  active,
  payload,
  label,
  granularity,
  rows,
}: {
  active?: boolean;
  payload?: ReadonlyArray<{ payload?: unknown }>;
  label?: string | number;
  granularity: Granularity;
  rows: Rows;
}) {
  const point = payload?.[0]?.payload as StatsPoint | undefined;
  if (!active || !point) return null;
  return (
    <div className="rounded-md border border-slate-200 bg-surface px-3 py-2 text-xs shadow-lg">
      <p className="mb-1 font-medium text-slate-900">{formatBucket(String(label ?? point.time), granularity)}</p>
      {rows(point).map((row) => (
        <p key={row.label} className="flex items-center justify-between gap-4 tabular-nums text-slate-600">
          <span className="inline-flex items-center gap-1.5">
            <span aria-hidden className="inline-block h-2 w-2 rounded-full" style={{ backgroundColor: row.color }} />
            {row.label}
          </span>
          <span className="font-medium text-slate-900">{row.value}</span>
        </p>
      ))}
    </div>
  );
}

/** The hover card of a chart: the bucket's time and `rows`. */
function tooltip(granularity: Granularity, rows: Rows, cursor?: { fill: string }) {
  return (
    <Tooltip
      {...(cursor ? { cursor } : {})}
      content={(props) => (
        <TooltipCard
          active={props.active}
          payload={props.payload}
          label={props.label}
          granularity={granularity}
          rows={rows}
        />
      )}
    />
  );
}

/** One series as a line; `dot` marks its points when there are few of them. */
function seriesLine(
  dataKey: "successRate" | "p50Ms" | "p95Ms" | "p99Ms" | "messages",
  name: string,
  color: string,
  dot: false | { r: number },
  dashed = false,
) {
  return (
    <Line
      dataKey={dataKey}
      name={name}
      type="monotone"
      stroke={color}
      strokeWidth={2}
      strokeDasharray={dashed ? "5 3" : undefined}
      dot={dot}
      connectNulls
      isAnimationActive={false}
    />
  );
}

/** A line chart over the buckets: grid and time axis, then `children` (its y axis, tooltip, lines). */
function lineChart(series: StatsPoint[] | undefined, granularity: Granularity, children: ReactNode) {
  return plot(
    <LineChart data={series} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
      <CartesianGrid vertical={false} stroke={CHART_COLORS.grid} />
      {xAxis(granularity)}
      {children}
    </LineChart>,
  );
}

function plot(children: ReactNode) {
  return (
    <ResponsiveContainer width="100%" height="100%" minWidth={0}>
      {children as React.ReactElement}
    </ResponsiveContainer>
  );
}

/** Attempts per bucket (succeeded and failed, stacked), with messages published as a line. */
export const VolumeChart = memo(function VolumeChart({ series, totals, granularity, loading }: ChartProps) {
  const withMessages = totals?.messages !== undefined;
  const empty = !totals || (totals.total === 0 && !totals.messages);
  return (
    <ChartFrame
      title={withMessages ? "Messages and attempts" : "Attempts"}
      figure={
        totals &&
        `${withMessages ? `${countOf(totals.messages ?? 0, "message")} · ` : ""}${countOf(totals.total, "attempt")}`
      }
      legend={
        <>
          <LegendItem color={CHART_COLORS.succeeded} label="Succeeded" />
          <LegendItem color={CHART_COLORS.failed} label="Failed" />
          {withMessages && <LegendItem color={CHART_COLORS.messages} label="Messages" />}
        </>
      }
      loading={loading}
      empty={empty}
      emptyText={withMessages ? "No messages or attempts in this range" : undefined}
    >
      {plot(
        <ComposedChart data={series} margin={{ top: 4, right: 4, bottom: 0, left: 0 }} barCategoryGap="15%">
          <CartesianGrid vertical={false} stroke={CHART_COLORS.grid} />
          {xAxis(granularity)}
          <YAxis
            allowDecimals={false}
            tick={AXIS_TICK}
            tickLine={false}
            axisLine={false}
            width={40}
            tickFormatter={(value: number) => formatCount(value)}
          />
          {tooltip(
            granularity,
            (point) => [
              ...(withMessages
                ? [{ label: "Messages", value: formatCount(point.messages ?? 0), color: CHART_COLORS.messages }]
                : []),
              { label: "Succeeded", value: formatCount(point.succeeded), color: CHART_COLORS.succeeded },
              { label: "Failed", value: formatCount(point.failed), color: CHART_COLORS.failed },
            ],
            { fill: CHART_COLORS.cursor },
          )}
          <Bar
            dataKey="succeeded"
            name="Succeeded"
            stackId="attempts"
            fill={CHART_COLORS.succeeded}
            isAnimationActive={false}
          />
          <Bar
            dataKey="failed"
            name="Failed"
            stackId="attempts"
            fill={CHART_COLORS.failed}
            radius={[2, 2, 0, 0]}
            isAnimationActive={false}
          />
          {withMessages && seriesLine("messages", "Messages", CHART_COLORS.messages, false)}
        </ComposedChart>,
      )}
    </ChartFrame>
  );
});

/** Share of attempts that succeeded, per bucket; buckets without attempts are gaps, not 0 %. */
export const SuccessRateChart = memo(function SuccessRateChart({ series, totals, granularity, loading }: ChartProps) {
  const points = series?.filter((point) => point.successRate !== null).length ?? 0;
  return (
    <ChartFrame
      title="Success rate"
      figure={totals && formatRate(totals.successRate)}
      loading={loading}
      empty={!totals || totals.total === 0}
    >
      {lineChart(
        series,
        granularity,
        <>
          <YAxis
            domain={[(lowest: number) => Math.max(0, Math.floor(lowest * 10) / 10 - 0.1), 1]}
            tickCount={3}
            tick={AXIS_TICK}
            tickLine={false}
            axisLine={false}
            width={44}
            tickFormatter={(value: number) => `${Math.round(value * 100)}%`}
          />
          {tooltip(granularity, (point) => [
            { label: "Success rate", value: formatRate(point.successRate), color: CHART_COLORS.rate },
            { label: "Attempts", value: formatCount(point.total), color: CHART_COLORS.axis },
          ])}
          {seriesLine("successRate", "Success rate", CHART_COLORS.rate, points <= 12 ? { r: 3 } : false)}
        </>,
      )}
    </ChartFrame>
  );
});

/** p50, p95 and p99 latency per bucket, from the merged histograms. */
export const LatencyChart = memo(function LatencyChart({ series, totals, granularity, loading }: ChartProps) {
  const points = series?.filter((point) => point.p50Ms !== null).length ?? 0;
  const dot = points <= 12 ? { r: 3 } : false;
  return (
    <ChartFrame
      title="Latency"
      figure={totals && `p50 ${formatMs(totals.p50Ms)} · p95 ${formatMs(totals.p95Ms)} · p99 ${formatMs(totals.p99Ms)}`}
      legend={
        <>
          <LegendItem color={CHART_COLORS.p50} label="p50" />
          <LegendItem color={CHART_COLORS.p95} label="p95" />
          <LegendItem color={CHART_COLORS.p99} label="p99" dashed />
        </>
      }
      loading={loading}
      empty={!totals || totals.total === 0}
    >
      {lineChart(
        series,
        granularity,
        <>
          <YAxis tick={AXIS_TICK} tickLine={false} axisLine={false} width={48} tickFormatter={formatMsTick} />
          {tooltip(granularity, (point) => [
            { label: "p50", value: formatMs(point.p50Ms), color: CHART_COLORS.p50 },
            { label: "p95", value: formatMs(point.p95Ms), color: CHART_COLORS.p95 },
            { label: "p99", value: formatMs(point.p99Ms), color: CHART_COLORS.p99 },
          ])}
          {seriesLine("p50Ms", "p50", CHART_COLORS.p50, dot)}
          {seriesLine("p95Ms", "p95", CHART_COLORS.p95, dot)}
          {seriesLine("p99Ms", "p99", CHART_COLORS.p99, dot, true)}
        </>,
      )}
    </ChartFrame>
  );
});

/** The three charts side by side on a wide screen, stacked on a phone. */
export function StatsCharts(props: ChartProps) {
  return (
    <div className="grid gap-4 lg:grid-cols-3">
      <VolumeChart {...props} />
      <SuccessRateChart {...props} />
      <LatencyChart {...props} />
    </div>
  );
}
