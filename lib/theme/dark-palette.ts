// The dark theme's colours, as the CSS variables they override. app/globals.css applies them under
// <html class="dark"> (the dashboard, by the user's choice); lib/portal/portal-theme-css.ts applies
// them to a tenant portal whose operator chose the dark theme. A unit test keeps the stylesheet's
// `.dark` block equal to this list.
//
// The components draw text, borders and surfaces with the slate scale, so the scale is turned around
// (slate-900 text becomes near-white, slate-50 the page's near-black); the light tints of the notices
// (emerald, amber, red and brand 50–200) become deep ones and their dark text shades light ones.
// Colours used as solid fills (brand-600 buttons, red-600, emerald-500 dots) keep their value: white
// text on them stays readable. The role colours (surface, code, danger, charts) are app/globals.css's
// @theme tokens.
export const DARK_PALETTE: Readonly<Record<string, string>> = {
  "--color-slate-50": "#0b1120",
  "--color-slate-100": "#1e293b",
  "--color-slate-200": "#334155",
  "--color-slate-300": "#475569",
  "--color-slate-400": "#7c8ba1",
  "--color-slate-500": "#94a3b8",
  "--color-slate-600": "#cbd5e1",
  "--color-slate-700": "#e2e8f0",
  "--color-slate-800": "#f1f5f9",
  "--color-slate-900": "#f8fafc",
  "--color-slate-950": "#ffffff",

  "--color-brand-50": "#1e2a4a",
  "--color-brand-100": "#263766",
  "--color-brand-700": "#a5c0ff",

  "--color-emerald-50": "#06281d",
  "--color-emerald-200": "#065f46",
  "--color-emerald-700": "#6ee7b7",
  "--color-emerald-800": "#a7f3d0",
  "--color-emerald-900": "#d1fae5",
  "--color-red-50": "#3a1010",
  "--color-red-200": "#7f1d1d",
  "--color-red-700": "#fca5a5",
  "--color-red-800": "#fecaca",
  "--color-red-900": "#fee2e2",
  "--color-amber-50": "#33260a",
  "--color-amber-200": "#78350f",
  "--color-amber-700": "#fcd34d",
  "--color-amber-800": "#fde68a",
  "--color-amber-900": "#fef3c7",

  "--color-surface": "#111827",
  "--color-code-bg": "#020617",
  "--color-code-fg": "#e2e8f0",
  "--color-danger": "#f87171",

  "--color-chart-succeeded": "#34d399",
  "--color-chart-failed": "#f87171",
  "--color-chart-volume": "#6b93ff",
  "--color-chart-p50": "#7ea2ff",
  "--color-chart-p95": "#b594ff",
  "--color-chart-p99": "#fbbf24",
  "--color-chart-grid": "#283548",
  "--color-chart-axis": "#94a3b8",
  "--color-chart-cursor": "#1e293b",
};
