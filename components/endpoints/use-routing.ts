"use client";
// Routing data of the dashboard: trying a payload filter before saving it (the endpoint form's
// test panel) and a FIFO endpoint's blocked keys (its page).
import { useMutation, useQuery } from "@tanstack/react-query";
import { api, unwrap, type Schemas } from "@/client/browser-api";
import { endpointKeys, endpointParams } from "./endpoint-keys";

export type FilterTestResult = Schemas["FilterTestResult"];
export type BlockedKey = Schemas["BlockedKeys"]["data"][number];

export function useTestFilter(tenantId: string) {
  return useMutation({
    mutationFn: (body: Schemas["TestEndpointFilter"]) =>
      unwrap(api.POST("/tenants/{tenant}/test-filter", { params: { path: { tenant: tenantId } }, body })),
  });
}

export function useBlockedKeys(tenantId: string, endpointId: string) {
  return useQuery({
    queryKey: [...endpointKeys.one(tenantId, endpointId), "blocked-keys"],
    queryFn: () =>
      unwrap(
        api.GET("/tenants/{tenant}/endpoints/{endpoint}/blocked-keys", {
          params: endpointParams(tenantId, endpointId),
        }),
      ),
    refetchInterval: 5_000,
  });
}
