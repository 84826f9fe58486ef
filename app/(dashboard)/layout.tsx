import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { PortalShell } from "@/components/shell/portal-shell";
import type { PortalPrincipal } from "@/lib/auth/portal-claims";
import { currentPrincipal } from "@/lib/auth/session";
import { resolvePortalLook } from "@/lib/portal";
import { portalThemeCss } from "@/lib/portal/portal-theme-css";
import { listTenantNames } from "@/lib/tenants";

export const dynamic = "force-dynamic";

async function PortalFrame({ principal, children }: { principal: PortalPrincipal; children: ReactNode }) {
  // A portal session sees its one tenant.
  const [[tenant], look] = await Promise.all([listTenantNames(principal, 1), resolvePortalLook(principal.tenantId)]);
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
  const tenants = await listTenantNames(principal, 500);
  return (
    <AppShell
      user={{ email: principal.email, name: principal.name, isOperator: principal.isOperator }}
      tenants={tenants}
    >
      {children}
    </AppShell>
  );
}
