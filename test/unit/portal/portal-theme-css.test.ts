import { describe, expect, it } from "vitest";
import { portalThemeCss } from "@/lib/portal/portal-theme-css";

describe("portalThemeCss", () => {
  it("should set the brand shades from the primary colour", () => {
    const css = portalThemeCss({ primaryColor: "#0d9488", theme: "light" });
    expect(css).toContain("--color-brand-600: #0d9488");
    expect(css).toContain("--color-brand-50: color-mix(in srgb, #0d9488 9%, white)");
    expect(css).not.toContain("--color-slate-");
  });

  it("should apply the dashboard's dark palette for the dark theme: slate turned around, dark surfaces", () => {
    const css = portalThemeCss({ primaryColor: null, theme: "dark" });
    expect(css).toContain("color-scheme: dark");
    expect(css).toContain("--color-slate-50: #0b1120");
    expect(css).toContain("--color-slate-900: #f8fafc");
    expect(css).toContain("--color-surface: #111827");
    expect(css).toContain("--color-chart-grid: #283548");
    expect(css).toContain("--color-brand-700: #a5c0ff");
  });

  it("should keep the primary colour's brand shades over the palette's in the dark theme", () => {
    const css = portalThemeCss({ primaryColor: "#0d9488", theme: "dark" });
    expect(css).toContain("--color-brand-600: #0d9488");
    expect(css).toContain("--color-brand-700: color-mix(in srgb, #0d9488 55%, white)");
    expect(css).not.toContain("--color-brand-700: #a5c0ff");
    // A solid button under the pointer stays a dark enough fill for its white text.
    expect(css).toContain("--color-primary-hover: color-mix(in srgb, #0d9488 80%, black)");
  });

  it("should ignore a colour that is not #rrggbb rather than write it into CSS", () => {
    expect(portalThemeCss({ primaryColor: "red; } body { display: none", theme: "light" })).not.toContain("display");
  });
});
