"use client";
// The dashboard frame of a portal session (a platform's customer, opened with a portal link):
// the platform's brand instead of Hookline's, the tenant's sections only (no tenant switcher, no
// settings, no operator pages), and "Powered by Hookline" unless the operator turned it off.
// Embedded (?embed=1), the top bar goes too: the platform's page is the frame, and the parent
// hears about navigation and size (EmbedBridge).
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { focusRing } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { EmbedBridge } from "./embed-bridge";

export const PORTAL_SECTIONS = [
  { label: "Overview", path: "" },
  { label: "Endpoints", path: "/endpoints" },
  { label: "Messages", path: "/messages" },
  { label: "Event types", path: "/event-types" },
];

export interface PortalShellProps {
  tenant: { id: string; name: string };
  brand: { name: string; logoUrl: string | null };
  actor: { name: string | null; email: string | null };
  embed: boolean;
  poweredBy: boolean;
  allowedOrigins: string[];
  children: ReactNode;
}

export function PortalShell({ tenant, brand, actor, embed, poweredBy, allowedOrigins, children }: PortalShellProps) {
  const pathname = usePathname();
  const base = `/t/${tenant.id}`;
  return (
    // Embedded, the content decides the height (the parent sizes its iframe to it); a full-window
    // minimum would only ever grow the iframe.
    <div className={cn("flex flex-col", !embed && "min-h-screen")} data-portal={embed ? "embedded" : "standalone"}>
      {embed && <EmbedBridge origins={allowedOrigins} />}
      {!embed && (
        <header className="border-b border-slate-200 bg-surface">
          <div className="mx-auto flex h-14 max-w-7xl items-center gap-3 px-4">
            {brand.logoUrl ? (
              // eslint-disable-next-line @next/next/no-img-element -- the platform's logo, on its own host
              <img src={brand.logoUrl} alt="" className="h-7 w-auto" />
            ) : (
              <span
                aria-hidden
                className="grid h-7 w-7 place-items-center rounded-md bg-brand-600 text-sm font-bold text-white"
              >
                {brand.name.slice(0, 1).toUpperCase()}
              </span>
            )}
            <span className="truncate font-semibold text-slate-900">{brand.name}</span>
            <span className="hidden text-sm text-slate-400 sm:inline">Webhooks</span>
            {(actor.name || actor.email) && (
              <span
                className="ml-auto hidden max-w-[14rem] truncate text-sm text-slate-500 md:inline"
                title={actor.email ?? undefined}
              >
                {actor.name ?? actor.email}
              </span>
            )}
          </div>
        </header>
      )}
      <nav aria-label="Main" className="border-b border-slate-200 bg-surface">
        <div className="mx-auto flex max-w-7xl gap-0.5 overflow-x-auto px-2 sm:gap-1 sm:px-4">
          {PORTAL_SECTIONS.map((section) => {
            const href = `${base}${section.path}`;
            const active =
              section.path === "" ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
            return (
              <Link
                key={href}
                href={href}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "whitespace-nowrap border-b-2 px-2.5 py-3 text-sm font-medium sm:px-3",
                  active ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900",
                  focusRing,
                )}
              >
                {section.label}
              </Link>
            );
          })}
        </div>
      </nav>
      <main className="mx-auto w-full min-w-0 max-w-7xl flex-1 px-4 py-6">{children}</main>
      {poweredBy && (
        <footer className="py-4 text-center text-xs text-slate-400">
          Powered by <span className="font-medium text-slate-500">Hookline</span>
        </footer>
      )}
    </div>
  );
}
