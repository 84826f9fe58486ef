"use client";
// Attempts per minute over the last hour, succeeded and failed stacked.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { AXIS_TICK, CHART_COLORS, TOOLTIP_STYLE } from "@/components/stats/chart-colors";
import type { TSystemStatus } from "@/lib/schemas/system";

const timeOf = (iso: string) =>
  new Date(iso).toLocaleTimeString("en", { hour: "2-digit", minute: "2-digit", hour12: false });

export function AttemptsChart({ points }: { points: TSystemStatus["attemptsPerMinute"] }) {
  const data = points.map((point) => ({ ...point, time: timeOf(point.minute) }));
  return (
    <div className="h-56 w-full" role="img" aria-label="Attempts per minute over the last hour, succeeded and failed">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke={CHART_COLORS.grid} />
          <XAxis
            dataKey="time"
            tick={AXIS_TICK}
            interval="preserveStartEnd"
            minTickGap={24}
            tickLine={false}
            axisLine={{ stroke: CHART_COLORS.grid }}
          />
          <YAxis allowDecimals={false} tick={AXIS_TICK} tickLine={false} axisLine={false} />
          <Tooltip {...TOOLTIP_STYLE} cursor={{ fill: CHART_COLORS.cursor }} />
          <Legend wrapperStyle={{ fontSize: 12, color: "var(--color-slate-600)" }} />
          <Bar
            dataKey="succeeded"
            name="Succeeded"
            stackId="attempts"
            fill={CHART_COLORS.succeeded}
            isAnimationActive={false}
          />
          <Bar dataKey="failed" name="Failed" stackId="attempts" fill={CHART_COLORS.failed} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
