"use client";
// Attempts per minute over the last hour, succeeded and failed stacked.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { TSystemStatus } from "@/lib/schemas/system";

const timeOf = (iso: string) =>
  new Date(iso).toLocaleTimeString("en", { hour: "2-digit", minute: "2-digit", hour12: false });

export function AttemptsChart({ points }: { points: TSystemStatus["attemptsPerMinute"] }) {
  const data = points.map((point) => ({ ...point, time: timeOf(point.minute) }));
  return (
    <div className="h-56 w-full" role="img" aria-label="Attempts per minute over the last hour, succeeded and failed">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
          <XAxis
            dataKey="time"
            tick={{ fontSize: 11, fill: "#64748b" }}
            interval="preserveStartEnd"
            minTickGap={24}
            tickLine={false}
            axisLine={{ stroke: "#cbd5e1" }}
          />
          <YAxis allowDecimals={false} tick={{ fontSize: 11, fill: "#64748b" }} tickLine={false} axisLine={false} />
          <Tooltip cursor={{ fill: "#f1f5f9" }} contentStyle={{ fontSize: 12, borderRadius: 6 }} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="succeeded" name="Succeeded" stackId="attempts" fill="#059669" isAnimationActive={false} />
          <Bar dataKey="failed" name="Failed" stackId="attempts" fill="#dc2626" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
