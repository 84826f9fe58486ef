"use client";
// The dashboard frame: a top bar with the tenant switcher, the theme menu and sign-out, a side navigation
// (the tenant's sections, and the operator's pages for operators) that folds into a menu button
// on a phone.
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { signOut } from "next-auth/react";
import { useState, type ReactNode } from "react";
import type { Schemas } from "@/client/browser-api";
import { focusRing } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { ThemeToggle } from "@/components/theme/theme-toggle";

export type ShellTenant = Pick<Schemas["Tenant"], "id" | "name">;

const TENANT_SECTIONS = [
  { label: "Overview", path: "" },
  { label: "Endpoints", path: "/endpoints" },
  { label: "Messages", path: "/messages" },
  { label: "Incidents", path: "/incidents" },
  { label: "Event types", path: "/event-types" },
  { label: "Settings", path: "/settings" },
];

const OPERATOR_SECTIONS = [
  { label: "Tenants", href: "/operator/tenants" },
  { label: "Catalog", href: "/operator/catalog" },
  { label: "System", href: "/operator/system" },
];

function currentTenantId(pathname: string): string | null {
  const match = /^\/t\/([^/]+)/.exec(pathname);
  return match ? decodeURIComponent(match[1]!) : null;
}

export function AppShell({
  user,
  tenants,
  children,
}: {
  user: { email: string; name: string | null; isOperator: boolean };
  tenants: ShellTenant[];
  children: ReactNode;
}) {
  const pathname = usePathname();
  const router = useRouter();
  const [menuOpen, setMenuOpen] = useState(false);
  const tenantId = currentTenantId(pathname);

  const navLink = (href: string, label: string, exact = false) => {
    const active = exact ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
    return (
      <Link
        key={href}
        href={href}
        aria-current={active ? "page" : undefined}
        onClick={() => setMenuOpen(false)}
        className={cn(
          "block rounded-md px-3 py-2 text-sm font-medium",
          active ? "bg-brand-50 text-brand-700" : "text-slate-600 hover:bg-slate-100 hover:text-slate-900",
          focusRing,
        )}
      >
        {label}
      </Link>
    );
  };

  return (
    <div className="min-h-screen">
      <header className="sticky top-0 z-30 border-b border-slate-200 bg-surface/95 backdrop-blur">
        <div className="mx-auto flex h-14 max-w-7xl items-center gap-3 px-4">
          <button
            type="button"
            className={cn("rounded-md p-2 text-slate-600 hover:bg-slate-100 lg:hidden", focusRing)}
            aria-label={menuOpen ? "Close navigation" : "Open navigation"}
            aria-expanded={menuOpen}
            aria-controls="side-nav"
            onClick={() => setMenuOpen((open) => !open)}
          >
            <svg aria-hidden viewBox="0 0 20 20" className="h-5 w-5" fill="currentColor">
              <path d="M3 5h14v2H3zm0 4h14v2H3zm0 4h14v2H3z" />
            </svg>
          </button>
          <Link href="/t" className="flex items-center gap-2 font-semibold text-slate-900">
            <span
              aria-hidden
              className="grid h-7 w-7 place-items-center rounded-md bg-brand-600 text-sm font-bold text-white"
            >
              H
            </span>
            <span className="hidden sm:inline">Hookline</span>
          </Link>
          {tenants.length > 0 && (
            <label className="ml-2 flex min-w-0 flex-1 items-center gap-2 text-sm sm:flex-none">
              <span className="sr-only">Tenant</span>
              <select
                className={cn(
                  "w-full max-w-[12rem] truncate rounded-md border border-slate-300 bg-surface py-1.5 pl-2 pr-7 text-sm sm:max-w-xs",
                  focusRing,
                )}
                value={tenantId ?? ""}
                onChange={(event) => {
                  const section = tenantId
                    ? pathname
                        .replace(/^\/t\/[^/]+/, "")
                        .split("/")
                        .slice(0, 2)
                        .join("/")
                    : "";
                  router.push(`/t/${event.target.value}${section}`);
                }}
              >
                {!tenantId && <option value="">Choose a tenant…</option>}
                {tenants.map((tenant) => (
                  <option key={tenant.id} value={tenant.id}>
                    {tenant.name}
                  </option>
                ))}
              </select>
            </label>
          )}
          <div className="ml-auto flex shrink-0 items-center gap-1 sm:gap-3">
            <Link href="/docs" className="hidden text-sm text-slate-600 hover:text-slate-900 sm:inline">
              API docs
            </Link>
            <span className="hidden max-w-[14rem] truncate text-sm text-slate-500 md:inline" title={user.email}>
              {user.name ?? user.email}
            </span>
            <ThemeToggle />
            <button
              type="button"
              onClick={() => void signOut({ callbackUrl: "/sign-in" })}
              className={cn(
                "shrink-0 whitespace-nowrap rounded-md px-2 py-1.5 text-sm font-medium text-slate-600 hover:bg-slate-100",
                focusRing,
              )}
            >
              Sign out
            </button>
          </div>
        </div>
      </header>
      <div className="mx-auto flex max-w-7xl gap-6 px-4">
        <nav
          id="side-nav"
          aria-label="Main"
          className={cn(
            "w-56 shrink-0 py-6",
            menuOpen
              ? "fixed inset-x-0 top-14 z-20 block w-auto border-b border-slate-200 bg-surface px-4 shadow-lg"
              : "hidden lg:block",
          )}
        >
          {tenantId && (
            <div className="space-y-1">
              <p className="px-3 pb-1 text-xs font-semibold uppercase tracking-wide text-slate-400">Tenant</p>
              {TENANT_SECTIONS.map((section) =>
                navLink(`/t/${tenantId}${section.path}`, section.label, section.path === ""),
              )}
            </div>
          )}
          {user.isOperator && (
            <div className={cn("space-y-1", tenantId && "mt-6")}>
              <p className="px-3 pb-1 text-xs font-semibold uppercase tracking-wide text-slate-400">Operator</p>
              {OPERATOR_SECTIONS.map((section) => navLink(section.href, section.label))}
            </div>
          )}
          {/* The header's "API docs" link has no room on a phone: the menu carries it there. */}
          <div className="mt-6 space-y-1 sm:hidden">
            <p className="px-3 pb-1 text-xs font-semibold uppercase tracking-wide text-slate-400">Reference</p>
            {navLink("/docs", "API docs")}
          </div>
        </nav>
        <main className="min-w-0 flex-1 py-6">{children}</main>
      </div>
    </div>
  );
}
