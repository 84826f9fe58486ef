// The dashboard's colour theme: the user's choice (System, Light or Dark) is kept in the browser's
// localStorage, never on the server, and applied as classes on <html> by a small inline script in
// the page's <head> (app/layout.tsx, and the API docs page), before anything is painted, so a page
// never flashes the wrong theme. "System" (nothing stored) follows prefers-color-scheme, also when
// it changes while the page is open. The theme toggle (components/theme/theme-toggle.tsx) writes
// the choice and announces it with THEME_CHANGE_EVENT; the script applies it, in every open tab.

export const THEME_STORAGE_KEY = "hookline-theme";
/** Dispatched on window by the toggle after it stored a new choice. */
export const THEME_CHANGE_EVENT = "hookline-theme-change";

export const THEME_CHOICES = ["system", "light", "dark"] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];

/** What is stored, as a choice: anything but "light" or "dark" (nothing, or junk) is System. */
export function parseThemeChoice(stored: string | null | undefined): ThemeChoice {
  return stored === "light" || stored === "dark" ? stored : "system";
}

/**
 * Runs in the browser, first thing in <head> (serialised with toString: no imports, no closures).
 * `darkClasses`: the classes dark mode sets on <html> (`dark` for Tailwind; Swagger UI's page also
 * wants `dark-mode`).
 */
function applyTheme(config: { key: string; event: string; darkClasses: string[] }): void {
  const root = document.documentElement;
  const media = window.matchMedia("(prefers-color-scheme: dark)");
  const apply = () => {
    let stored: string | null = null;
    try {
      stored = window.localStorage.getItem(config.key);
    } catch {
      // Storage refused (a privacy setting): System.
    }
    const dark = stored === "dark" || (stored !== "light" && media.matches);
    for (const name of config.darkClasses) root.classList.toggle(name, dark);
  };
  apply();
  media.addEventListener("change", apply);
  window.addEventListener(config.event, apply);
  window.addEventListener("storage", (event) => {
    if (event.key === config.key || event.key === null) apply();
  });
}

/** The inline script's source; `darkClasses` as for applyTheme. Carries no user input. */
export function themeScript(darkClasses: readonly string[] = ["dark"]): string {
  const config = { key: THEME_STORAGE_KEY, event: THEME_CHANGE_EVENT, darkClasses };
  return `(${applyTheme.toString()})(${JSON.stringify(config)});`;
}
