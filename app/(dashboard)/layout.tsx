import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { visibleTenants } from "@/lib/auth/authorize-tenant";
import { currentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  const tenants = await db().tenant.findMany({ where: visibleTenants(user), orderBy: { name: "asc" }, select: { id: true, name: true }, take: 500 });
  return (
    <AppShell user={{ email: user.email, name: user.name, isOperator: user.isOperator }} tenants={tenants}>
      {children}
    </AppShell>
  );
}
