"use client";
// The operator's tenants: usage at a glance, and a form to add one.
import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { formatCount } from "@/components/stats/format";
import { CreateTenantForm } from "@/components/tenants/create-tenant-form";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { RelativeTime } from "@/components/ui/relative-time";
import { Table, Td } from "@/components/ui/table";
import type { ListPage } from "@/client/hooks/use-paged-list";
import { tenantUsageKey } from "./queries";
import { useTenantUsage, type TenantUsage } from "./use-tenant-usage";
import { LoadMore } from "@/components/ui/load-more";

export function TenantsList({ initialPage }: { initialPage: ListPage<TenantUsage> }) {
  const tenants = useTenantUsage(initialPage);
  const queryClient = useQueryClient();
  return (
    <div className="space-y-6">
      <Card
        title="New tenant"
        description="A tenant is one of your customers: it owns endpoints, receives messages and has its own members and API keys."
      >
        <CreateTenantForm onCreated={() => void queryClient.invalidateQueries({ queryKey: tenantUsageKey() })} />
      </Card>
      {tenants.items.length === 0 ? (
        <EmptyState title="No tenants yet">
          Create the first one above, or with the API: POST /api/v1/tenants with a platform key.
        </EmptyState>
      ) : (
        <Table label="Tenants" head={["Tenant", "Endpoints", "Messages (24 h)", "Members", "Retention", "Created"]}>
          {tenants.items.map((tenant) => (
            <tr key={tenant.id}>
              <Td>
                <Link href={`/t/${tenant.id}`} className="font-medium text-brand-700 hover:underline">
                  {tenant.name}
                </Link>
                <div className="font-mono text-xs text-slate-500">{tenant.id}</div>
              </Td>
              <Td className="tabular-nums">{formatCount(tenant.usage.endpoints)}</Td>
              <Td className="tabular-nums">{formatCount(tenant.usage.messages24h)}</Td>
              <Td className="tabular-nums">{formatCount(tenant.usage.members)}</Td>
              <Td>{tenant.retentionDays} days</Td>
              <Td>
                <RelativeTime iso={tenant.createdAt} />
              </Td>
            </tr>
          ))}
        </Table>
      )}
      <LoadMore query={tenants} />
    </div>
  );
}
