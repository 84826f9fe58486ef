// The portal's theme as CSS custom properties over the dashboard's Tailwind palette: the brand
// shades (--color-brand-*) derived from the one primary colour, and for the dark theme the slate
// scale turned around (the components use slate for text, borders and surfaces) with white
// surfaces darkened. Inputs are validated (#rrggbb, light|dark), so nothing here is user CSS.
import type { PortalLook } from "./portal-settings";

/** Tinted surfaces (badges, callouts) and their text, darkened and lightened to match. */
const DARK_TINTS: Record<string, string> = {
  "emerald-50": "#06281d",
  "emerald-200": "#065f46",
  "red-200": "#7f1d1d",
  "amber-200": "#78350f",
  "emerald-700": "#6ee7b7",
  "red-50": "#3a1010",
  "red-700": "#fca5a5",
  "red-800": "#fecaca",
  "amber-50": "#33260a",
  "amber-700": "#fcd34d",
  "amber-800": "#fde68a",
};

const DARK_SLATE: Record<string, string> = {
  50: "#0b1120",
  100: "#1e293b",
  200: "#334155",
  300: "#475569",
  400: "#64748b",
  500: "#94a3b8",
  600: "#cbd5e1",
  700: "#e2e8f0",
  800: "#f1f5f9",
  900: "#f8fafc",
  950: "#ffffff",
};

export function portalThemeCss(look: Pick<PortalLook, "primaryColor" | "theme">): string {
  const dark = look.theme === "dark";
  const primary = look.primaryColor && /^#[0-9a-fA-F]{6}$/.test(look.primaryColor) ? look.primaryColor : null;
  const surface = dark ? "#111827" : "white";
  const rules: string[] = [];
  if (primary) {
    rules.push(
      `--color-brand-50: color-mix(in srgb, ${primary} ${dark ? 22 : 9}%, ${surface})`,
      `--color-brand-100: color-mix(in srgb, ${primary} ${dark ? 35 : 18}%, ${surface})`,
      `--color-brand-500: color-mix(in srgb, ${primary} 85%, white)`,
      `--color-brand-600: ${primary}`,
      `--color-brand-700: ${dark ? `color-mix(in srgb, ${primary} 55%, white)` : `color-mix(in srgb, ${primary} 80%, black)`}`,
    );
  } else if (dark) {
    rules.push("--color-brand-50: #1e2a4a", "--color-brand-100: #263766", "--color-brand-700: #a5c0ff");
  }
  if (dark) {
    rules.push(
      "color-scheme: dark",
      ...Object.entries(DARK_SLATE).map(([shade, value]) => `--color-slate-${shade}: ${value}`),
      ...Object.entries(DARK_TINTS).map(([name, value]) => `--color-${name}: ${value}`),
    );
  }
  // White surfaces, and the charts' grid lines (an SVG attribute, so a CSS rule beats it).
  const darkSurfaces = dark
    ? `\n.bg-white { background-color: #111827; }\n.bg-white\\/95 { background-color: rgb(17 24 39 / .95); }\n.recharts-cartesian-grid line { stroke: #334155; }`
    : "";
  return `:root { ${rules.join("; ")}; }${darkSurfaces}`;
}
