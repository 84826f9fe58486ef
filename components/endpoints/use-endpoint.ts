"use client";
// One endpoint, and everything that changes it: save (create or update), enable, disable,
// delete, rotate its secret. Every change refreshes all endpoint queries of the tenant (the
// list, health, detail, charts) and says how it went in a toast.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { useMutationWithToast } from "@/components/ui/use-mutation-with-toast";
import type { EndpointView } from "@/lib/endpoints/endpoint-view";
import { apiFetch } from "@/client/api-fetch";
import type { TCreateEndpoint, TUpdateEndpoint, ZEndpointSecretView } from "@/lib/schemas/endpoints";
import { endpointKeys, endpointPath, endpointsPath } from "./endpoint-keys";

export type EndpointSecret = z.infer<typeof ZEndpointSecretView>;

export function useEndpoint(tenantId: string, endpointId: string, initialData?: EndpointView) {
  return useQuery({
    queryKey: endpointKeys.one(tenantId, endpointId),
    queryFn: () => apiFetch<EndpointView>(endpointPath(tenantId, endpointId)),
    initialData,
    // The worker changes it too (failing, disabled when gone): keep the page's state current.
    refetchInterval: 5_000,
  });
}

/** The signing secret, fetched only once someone asks to see it. */
export function useEndpointSecret(tenantId: string, endpointId: string, revealed: boolean) {
  return useQuery({
    queryKey: endpointKeys.secret(tenantId, endpointId),
    queryFn: () => apiFetch<EndpointSecret>(`${endpointPath(tenantId, endpointId)}/secret`),
    enabled: revealed,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useSaveEndpoint(tenantId: string, endpointId?: string) {
  return useMutationWithToast({
    mutationFn: (input: TCreateEndpoint | TUpdateEndpoint) =>
      endpointId
        ? apiFetch<EndpointView>(endpointPath(tenantId, endpointId), { method: "PATCH", body: input })
        : apiFetch<EndpointView>(endpointsPath(tenantId), { method: "POST", body: input }),
    invalidates: [endpointKeys.all(tenantId)],
    // A new endpoint is confirmed on its page, beside its signing secret (signing-secret-card.tsx).
    success: endpointId ? () => "Endpoint saved." : null,
    failure: endpointId ? "Could not save the endpoint." : "Could not create the endpoint.",
  });
}

export function useEndpointActions(tenantId: string, endpointId: string) {
  const queryClient = useQueryClient();
  const path = endpointPath(tenantId, endpointId);
  const invalidates = [endpointKeys.all(tenantId)];
  return {
    enable: useMutationWithToast({
      mutationFn: () => apiFetch<EndpointView>(`${path}/enable`, { method: "POST" }),
      invalidates,
      success: () => "Endpoint enabled. New messages are delivered again.",
      failure: "Could not enable the endpoint.",
    }),
    disable: useMutationWithToast({
      mutationFn: () => apiFetch<EndpointView>(`${path}/disable`, { method: "POST", body: { reason: "manual" } }),
      invalidates,
      success: () => "Endpoint disabled.",
      failure: "Could not disable the endpoint.",
    }),
    remove: useMutationWithToast({
      mutationFn: () => apiFetch<null>(path, { method: "DELETE" }),
      // Not the endpoint's own queries: it is gone, and the page leaves.
      invalidates: [endpointKeys.lists(tenantId)],
      success: () => "Endpoint deleted.",
      failure: "Could not delete the endpoint.",
    }),
    rotate: useMutationWithToast({
      mutationFn: () => apiFetch<EndpointSecret>(`${path}/secret/rotate`, { method: "POST" }),
      invalidates: [],
      // Confirmed inline: the new secret is revealed with the overlap notice under it.
      success: null,
      failure: "Could not rotate the secret.",
      onSuccess: (secret) => queryClient.setQueryData(endpointKeys.secret(tenantId, endpointId), secret),
    }),
  };
}
