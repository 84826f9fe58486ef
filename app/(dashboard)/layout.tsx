import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { PortalShell } from "@/components/shell/portal-shell";
import { visibleTenants } from "@/lib/auth/authorize-tenant";
import type { PortalPrincipal } from "@/lib/auth/portal-claims";
import { currentPrincipal } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { resolvePortalLook } from "@/lib/portal";
import { portalThemeCss } from "@/lib/portal/portal-theme-css";

export const dynamic = "force-dynamic";

async function PortalFrame({ principal, children }: { principal: PortalPrincipal; children: ReactNode }) {
  const [tenant, look] = await Promise.all([
    db().tenant.findUnique({ where: { id: principal.tenantId }, select: { id: true, name: true } }),
    resolvePortalLook(principal.tenantId),
  ]);
  if (!tenant) redirect(`/portal/${principal.tenantId}`);
  return (
    <>
      <style>{portalThemeCss(look)}</style>
      <PortalShell
        tenant={tenant}
        brand={{ name: look.brandName, logoUrl: look.logoUrl }}
        actor={principal.actor}
        embed={principal.claims.embed}
        poweredBy={look.poweredBy}
        allowedOrigins={principal.claims.allowedOrigins}
      >
        {children}
      </PortalShell>
    </>
  );
}

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const principal = await currentPrincipal();
  if (!principal) redirect("/sign-in");
  if (principal.kind === "portal") return <PortalFrame principal={principal}>{children}</PortalFrame>;
  const tenants = await db().tenant.findMany({
    where: visibleTenants(principal),
    orderBy: { name: "asc" },
    select: { id: true, name: true },
    take: 500,
  });
  return (
    <AppShell
      user={{ email: principal.email, name: principal.name, isOperator: principal.isOperator }}
      tenants={tenants}
    >
      {children}
    </AppShell>
  );
}
