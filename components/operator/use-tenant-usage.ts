"use client";
import { usePagedList, type ListPage } from "@/client/hooks/use-paged-list";
import type { TTenantUsageView } from "@/lib/schemas/system";
import { TENANT_USAGE_QUERY, tenantUsageKey } from "./queries";

export type TenantUsage = TTenantUsageView;

/** Every tenant with its usage counts (operators). */
export function useTenantUsage(initialPage?: ListPage<TenantUsage>) {
  return usePagedList<TenantUsage>({
    queryKey: tenantUsageKey(),
    path: "/api/v1/system/tenants",
    query: TENANT_USAGE_QUERY,
    initialPage,
  });
}
