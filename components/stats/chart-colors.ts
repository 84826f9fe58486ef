// One colour per meaning, on every chart: the brand blue (app/globals.css) for volume and the
// median, green and red for outcomes, and two contrasting hues for the latency tail.
export const CHART_COLORS = {
  succeeded: "#10b981",
  failed: "#ef4444",
  messages: "#2756e0",
  rate: "#2756e0",
  p50: "#3b6ff5",
  p95: "#7c3aed",
  p99: "#f59e0b",
  grid: "#e2e8f0",
  axis: "#64748b",
} as const;
