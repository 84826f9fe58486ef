// The portal's theme as CSS custom properties over the dashboard's Tailwind palette: the brand
// shades (--color-brand-*) derived from the one primary colour, and for the dark theme the
// dashboard's dark palette (lib/theme/dark-palette.ts: the slate scale turned around, deep tints,
// dark surfaces, brighter chart colours) on :root. The portal wears the theme its operator chose;
// the dashboard user's own theme choice does not apply here (app/layout.tsx). Inputs are
// validated (#rrggbb, light|dark), so nothing here is user CSS.
import { DARK_PALETTE } from "@/lib/theme/dark-palette";
import type { PortalLook } from "./portal-settings";

export function portalThemeCss(look: Pick<PortalLook, "primaryColor" | "theme">): string {
  const dark = look.theme === "dark";
  const primary = look.primaryColor && /^#[0-9a-fA-F]{6}$/.test(look.primaryColor) ? look.primaryColor : null;
  const surface = dark ? DARK_PALETTE["--color-surface"] : "white";
  const rules: string[] = [];
  if (dark) {
    rules.push(
      "color-scheme: dark",
      ...Object.entries(DARK_PALETTE)
        // A primary colour brings its own brand shades (below).
        .filter(([name]) => !(primary && name.startsWith("--color-brand-")))
        .map(([name, value]) => `${name}: ${value}`),
    );
  }
  if (primary) {
    rules.push(
      `--color-brand-50: color-mix(in srgb, ${primary} ${dark ? 22 : 9}%, ${surface})`,
      `--color-brand-100: color-mix(in srgb, ${primary} ${dark ? 35 : 18}%, ${surface})`,
      `--color-brand-500: color-mix(in srgb, ${primary} 85%, white)`,
      `--color-brand-600: ${primary}`,
      `--color-brand-700: ${dark ? `color-mix(in srgb, ${primary} 55%, white)` : `color-mix(in srgb, ${primary} 80%, black)`}`,
      `--color-primary-hover: color-mix(in srgb, ${primary} 80%, black)`,
    );
  }
  return `:root { ${rules.join("; ")}; }`;
}
