"use client";
import { api, unwrap, type Schemas } from "@/client/browser-api";
import { usePagedList, type ListPage } from "@/client/hooks/use-paged-list";
import { TENANT_USAGE_QUERY, tenantUsageKey } from "./queries";

export type TenantUsage = Schemas["TenantUsage"];

/** Every tenant with its usage counts (operators). */
export function useTenantUsage(initialPage?: ListPage<TenantUsage>) {
  return usePagedList({
    queryKey: tenantUsageKey(),
    fetchPage: (cursor) => unwrap(api.GET("/system/tenants", { params: { query: { ...TENANT_USAGE_QUERY, cursor } } })),
    initialPage,
  });
}
