// One colour per meaning, on every chart: the brand blue for volume and the median, green and red
// for outcomes, and two contrasting hues for the latency tail. Each is a CSS variable of
// app/globals.css (recharts writes them into SVG attributes and styles, where var() works), so
// the charts change with the theme: brighter series, a dim grid and lighter axis text when dark.
export const CHART_COLORS = {
  succeeded: "var(--color-chart-succeeded)",
  failed: "var(--color-chart-failed)",
  messages: "var(--color-chart-volume)",
  rate: "var(--color-chart-volume)",
  p50: "var(--color-chart-p50)",
  p95: "var(--color-chart-p95)",
  p99: "var(--color-chart-p99)",
  grid: "var(--color-chart-grid)",
  axis: "var(--color-chart-axis)",
  /** The band behind the hovered bucket. */
  cursor: "var(--color-chart-cursor)",
} as const;

/** The axes' tick labels. */
export const AXIS_TICK = { fontSize: 11, fill: CHART_COLORS.axis };

/** recharts' own hover card (where a chart does not draw its own), in the page's colours. */
export const TOOLTIP_STYLE = {
  contentStyle: {
    fontSize: 12,
    borderRadius: 6,
    backgroundColor: "var(--color-surface)",
    borderColor: "var(--color-slate-200)",
    color: "var(--color-slate-900)",
  },
  labelStyle: { color: "var(--color-slate-900)", fontWeight: 500 },
} as const;
