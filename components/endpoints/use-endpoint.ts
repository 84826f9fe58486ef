"use client";
// One endpoint, and everything that changes it: save (create or update), enable, disable,
// delete, rotate its secret. Every change refreshes all endpoint queries of the tenant (the
// list, health, detail, charts) and says how it went in a toast.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap, type Schemas } from "@/client/browser-api";
import { useHydrated } from "@/components/ui/use-hydrated";
import { useMutationWithToast } from "@/components/ui/use-mutation-with-toast";
import { endpointKeys, endpointParams } from "./endpoint-keys";

export type EndpointView = Schemas["Endpoint"];
export type EndpointSecret = Schemas["EndpointSecret"];

export function useEndpoint(tenantId: string, endpointId: string, initialData?: EndpointView) {
  const query = useQuery({
    queryKey: endpointKeys.one(tenantId, endpointId),
    queryFn: () =>
      unwrap(api.GET("/tenants/{tenant}/endpoints/{endpoint}", { params: endpointParams(tenantId, endpointId) })),
    initialData,
    // The worker changes it too (failing, disabled when gone): keep the page's state current.
    refetchInterval: 5_000,
  });
  // The page hydrates in parts: its header (the state badge, the actions) first, the streamed
  // detail later. By then the header's query may have fetched a newer endpoint (its state
  // changes in the first seconds of failing deliveries), and a part rendering that would differ
  // from the server's HTML (React's hydration error #418). So while a part hydrates it shows
  // the server's endpoint; it re-renders with the current one right after.
  const hydrated = useHydrated();
  return { data: hydrated || !initialData ? query.data : initialData };
}

/** The signing secret, fetched only once someone asks to see it. */
export function useEndpointSecret(tenantId: string, endpointId: string, revealed: boolean) {
  return useQuery({
    queryKey: endpointKeys.secret(tenantId, endpointId),
    queryFn: () =>
      unwrap(
        api.GET("/tenants/{tenant}/endpoints/{endpoint}/secret", { params: endpointParams(tenantId, endpointId) }),
      ),
    enabled: revealed,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useSaveEndpoint(tenantId: string, endpointId?: string) {
  return useMutationWithToast({
    mutationFn: (body: Schemas["CreateEndpoint"] | Schemas["UpdateEndpoint"]) =>
      endpointId
        ? unwrap(
            api.PATCH("/tenants/{tenant}/endpoints/{endpoint}", { params: endpointParams(tenantId, endpointId), body }),
          )
        : unwrap(
            api.POST("/tenants/{tenant}/endpoints", {
              params: { path: { tenant: tenantId } },
              body: body as Schemas["CreateEndpoint"],
            }),
          ),
    invalidates: [endpointKeys.all(tenantId)],
    // A new endpoint is confirmed on its page, beside its signing secret (signing-secret-card.tsx).
    success: endpointId ? () => "Endpoint saved." : null,
    failure: endpointId ? "Could not save the endpoint." : "Could not create the endpoint.",
  });
}

export function useEndpointActions(tenantId: string, endpointId: string) {
  const queryClient = useQueryClient();
  const params = endpointParams(tenantId, endpointId);
  const invalidates = [endpointKeys.all(tenantId)];
  return {
    enable: useMutationWithToast({
      mutationFn: () => unwrap(api.POST("/tenants/{tenant}/endpoints/{endpoint}/enable", { params })),
      invalidates,
      success: () => "Endpoint enabled. New messages are delivered again.",
      failure: "Could not enable the endpoint.",
    }),
    disable: useMutationWithToast({
      mutationFn: () =>
        unwrap(api.POST("/tenants/{tenant}/endpoints/{endpoint}/disable", { params, body: { reason: "manual" } })),
      invalidates,
      success: () => "Endpoint disabled.",
      failure: "Could not disable the endpoint.",
    }),
    remove: useMutationWithToast({
      mutationFn: () => unwrap(api.DELETE("/tenants/{tenant}/endpoints/{endpoint}", { params })),
      // Not the endpoint's own queries: it is gone, and the page leaves.
      invalidates: [endpointKeys.lists(tenantId)],
      success: () => "Endpoint deleted.",
      failure: "Could not delete the endpoint.",
    }),
    rotate: useMutationWithToast({
      mutationFn: () => unwrap(api.POST("/tenants/{tenant}/endpoints/{endpoint}/secret/rotate", { params })),
      invalidates: [],
      // Confirmed inline: the new secret is revealed with the overlap notice under it.
      success: null,
      failure: "Could not rotate the secret.",
      onSuccess: (secret) => queryClient.setQueryData(endpointKeys.secret(tenantId, endpointId), secret),
    }),
  };
}
