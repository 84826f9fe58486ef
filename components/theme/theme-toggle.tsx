"use client";
// The header's theme menu: System, Light or Dark. The choice is stored in localStorage and applied
// by the inline script of every page (lib/theme/theme-script.ts), which this menu only wakes with
// THEME_CHANGE_EVENT. The server cannot know the choice, so the button shows a neutral state until
// the page has hydrated (a server snapshot of null), then the stored one: no hydration mismatch.
import { useEffect, useId, useRef, useState, useSyncExternalStore, type KeyboardEvent } from "react";
import { focusRing } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import {
  THEME_CHANGE_EVENT,
  THEME_CHOICES,
  THEME_STORAGE_KEY,
  parseThemeChoice,
  type ThemeChoice,
} from "@/lib/theme/theme-script";

const LABELS: Record<ThemeChoice, string> = { system: "System", light: "Light", dark: "Dark" };

function subscribe(onChange: () => void) {
  window.addEventListener(THEME_CHANGE_EVENT, onChange);
  window.addEventListener("storage", onChange);
  return () => {
    window.removeEventListener(THEME_CHANGE_EVENT, onChange);
    window.removeEventListener("storage", onChange);
  };
}

function storedChoice(): ThemeChoice {
  try {
    return parseThemeChoice(window.localStorage.getItem(THEME_STORAGE_KEY));
  } catch {
    return "system";
  }
}

function storeChoice(choice: ThemeChoice) {
  try {
    if (choice === "system") window.localStorage.removeItem(THEME_STORAGE_KEY);
    else window.localStorage.setItem(THEME_STORAGE_KEY, choice);
  } catch {
    // Storage refused: the choice lasts until the page is left.
  }
  window.dispatchEvent(new Event(THEME_CHANGE_EVENT));
}

/** The stored choice, or null on the server and while the page hydrates. */
export function useThemeChoice(): ThemeChoice | null {
  return useSyncExternalStore(subscribe, storedChoice, () => null);
}

function ThemeIcon({ choice }: { choice: ThemeChoice | null }) {
  const common = {
    "aria-hidden": true,
    viewBox: "0 0 20 20",
    className: "h-5 w-5",
    fill: "none",
    stroke: "currentColor",
    strokeWidth: 1.6,
    strokeLinecap: "round" as const,
    strokeLinejoin: "round" as const,
  };
  if (choice === "light") {
    return (
      <svg {...common}>
        <circle cx="10" cy="10" r="3.5" />
        <path d="M10 1.8v2M10 16.2v2M1.8 10h2M16.2 10h2M4.2 4.2l1.4 1.4M14.4 14.4l1.4 1.4M4.2 15.8l1.4-1.4M14.4 5.6l1.4-1.4" />
      </svg>
    );
  }
  if (choice === "dark") {
    return (
      <svg {...common}>
        <path d="M16.5 12.3A7 7 0 0 1 7.7 3.5a7 7 0 1 0 8.8 8.8Z" />
      </svg>
    );
  }
  // System, and the neutral state before hydration: a screen.
  return (
    <svg {...common}>
      <rect x="2.5" y="3.5" width="15" height="10" rx="1.5" />
      <path d="M7 17h6M10 13.5V17" />
    </svg>
  );
}

export function ThemeToggle({ className }: { className?: string }) {
  const choice = useThemeChoice();
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);

  // Opened: the current choice takes the focus; a click elsewhere closes the menu.
  useEffect(() => {
    if (!open) return;
    const items = menuRef.current?.querySelectorAll<HTMLButtonElement>("[role=menuitemradio]");
    const checked = menuRef.current?.querySelector<HTMLButtonElement>("[aria-checked=true]");
    (checked ?? items?.[0])?.focus();
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menuRef.current?.contains(target) && !buttonRef.current?.contains(target)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [open]);

  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };

  const onMenuKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const items = Array.from(menuRef.current?.querySelectorAll<HTMLButtonElement>("[role=menuitemradio]") ?? []);
    const index = items.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === "Escape") {
      event.preventDefault();
      close();
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      items[(index + step + items.length) % items.length]?.focus();
    } else if (event.key === "Home" || event.key === "End") {
      event.preventDefault();
      items[event.key === "Home" ? 0 : items.length - 1]?.focus();
    } else if (event.key === "Tab") {
      setOpen(false);
    }
  };

  return (
    <div className={cn("relative", className)}>
      <button
        ref={buttonRef}
        type="button"
        aria-label={choice ? `Theme: ${LABELS[choice]}` : "Theme"}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        title="Theme"
        onClick={() => setOpen((value) => !value)}
        className={cn("rounded-md p-2 text-slate-600 hover:bg-slate-100 hover:text-slate-900", focusRing)}
      >
        <ThemeIcon choice={choice} />
      </button>
      {open && (
        <div
          ref={menuRef}
          id={menuId}
          role="menu"
          aria-label="Theme"
          onKeyDown={onMenuKeyDown}
          className="absolute right-0 top-full z-40 mt-1 w-36 rounded-md border border-slate-200 bg-surface p-1 shadow-lg"
        >
          {THEME_CHOICES.map((option) => (
            <button
              key={option}
              type="button"
              role="menuitemradio"
              aria-checked={choice === option}
              tabIndex={-1}
              onClick={() => {
                storeChoice(option);
                close();
              }}
              className={cn(
                "flex w-full items-center gap-2 rounded px-2 py-1.5 text-left text-sm",
                choice === option ? "bg-brand-50 font-medium text-brand-700" : "text-slate-700 hover:bg-slate-100",
                focusRing,
              )}
            >
              <ThemeIcon choice={option} />
              {LABELS[option]}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
