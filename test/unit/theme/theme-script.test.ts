import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DARK_PALETTE } from "@/lib/theme/dark-palette";
import { THEME_CHANGE_EVENT, THEME_STORAGE_KEY, parseThemeChoice, themeScript } from "@/lib/theme/theme-script";

type Listener = (event: { key?: string | null }) => void;

/** Just enough of a browser for the inline script: <html>'s classes, storage, the media query, events. */
function fakeBrowser(options: { stored?: string | null; systemDark: boolean; storageThrows?: boolean }) {
  const classes = new Set<string>();
  const store = new Map<string, string>();
  if (options.stored != null) store.set(THEME_STORAGE_KEY, options.stored);
  const windowListeners = new Map<string, Listener[]>();
  const mediaListeners: Listener[] = [];
  const media = { matches: options.systemDark, addEventListener: (_: string, fn: Listener) => mediaListeners.push(fn) };
  const window = {
    matchMedia: (query: string) => {
      expect(query).toBe("(prefers-color-scheme: dark)");
      return media;
    },
    localStorage: {
      getItem: (key: string) => {
        if (options.storageThrows) throw new Error("SecurityError");
        return store.get(key) ?? null;
      },
    },
    addEventListener: (type: string, fn: Listener) =>
      windowListeners.set(type, [...(windowListeners.get(type) ?? []), fn]),
  };
  const document = {
    documentElement: {
      classList: { toggle: (name: string, on: boolean) => (on ? classes.add(name) : classes.delete(name)) },
    },
  };
  return {
    run: (source: string) => new Function("window", "document", source)(window, document),
    classes,
    store,
    setSystemDark(dark: boolean) {
      media.matches = dark;
      for (const fn of mediaListeners) fn({});
    },
    dispatch(type: string, event: { key?: string | null } = {}) {
      for (const fn of windowListeners.get(type) ?? []) fn(event);
    },
  };
}

describe("themeScript", () => {
  it("should follow the system's preference when nothing is stored, also when it changes", () => {
    const browser = fakeBrowser({ systemDark: true });
    browser.run(themeScript());
    expect([...browser.classes]).toEqual(["dark"]);
    browser.setSystemDark(false);
    expect([...browser.classes]).toEqual([]);
  });

  it("should let a stored choice win over the system's preference", () => {
    const light = fakeBrowser({ stored: "light", systemDark: true });
    light.run(themeScript());
    expect([...light.classes]).toEqual([]);
    const dark = fakeBrowser({ stored: "dark", systemDark: false });
    dark.run(themeScript());
    expect([...dark.classes]).toEqual(["dark"]);
    dark.setSystemDark(true);
    dark.setSystemDark(false);
    expect([...dark.classes]).toEqual(["dark"]);
  });

  it("should apply a new choice when the toggle announces it, or another tab stores one", () => {
    const browser = fakeBrowser({ systemDark: false });
    browser.run(themeScript());
    expect([...browser.classes]).toEqual([]);
    browser.store.set(THEME_STORAGE_KEY, "dark");
    browser.dispatch(THEME_CHANGE_EVENT);
    expect([...browser.classes]).toEqual(["dark"]);
    browser.store.delete(THEME_STORAGE_KEY);
    browser.dispatch("storage", { key: "something-else" });
    expect([...browser.classes]).toEqual(["dark"]);
    browser.dispatch("storage", { key: THEME_STORAGE_KEY });
    expect([...browser.classes]).toEqual([]);
  });

  it("should set every class it is given (the API docs' Swagger UI wants dark-mode too)", () => {
    const browser = fakeBrowser({ systemDark: true });
    browser.run(themeScript(["dark", "dark-mode"]));
    expect([...browser.classes].sort()).toEqual(["dark", "dark-mode"]);
  });

  it("should fall back to the system's preference when storage is refused or holds junk", () => {
    const refused = fakeBrowser({ systemDark: true, storageThrows: true });
    refused.run(themeScript());
    expect([...refused.classes]).toEqual(["dark"]);
    const junk = fakeBrowser({ stored: "purple", systemDark: false });
    junk.run(themeScript());
    expect([...junk.classes]).toEqual([]);
    expect(parseThemeChoice("purple")).toBe("system");
    expect(parseThemeChoice(null)).toBe("system");
    expect(parseThemeChoice("dark")).toBe("dark");
  });
});

describe("the dark palette", () => {
  it("should be the same in app/globals.css's .dark block as in lib/theme/dark-palette.ts", () => {
    const css = readFileSync(path.join(process.cwd(), "app/globals.css"), "utf8");
    const block = /\n\.dark \{([^}]*)\}/.exec(css)?.[1];
    expect(block).toBeDefined();
    const declared = Object.fromEntries(
      [...block!.matchAll(/(--[\w-]+):\s*([^;]+);/g)].map((match) => [match[1], match[2]!.trim()]),
    );
    expect(declared).toEqual(DARK_PALETTE);
    expect(block).toContain("color-scheme: dark");
  });
});
