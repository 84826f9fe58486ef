"use client";
import { api, unwrap, type Schemas } from "@/client/browser-api";
import { usePagedList, type ListPage } from "@/client/hooks/use-paged-list";
import { useMutationWithToast } from "@/components/ui/use-mutation-with-toast";
import { apiKeysKey, apiKeysQuery } from "./queries";

export type ApiKey = Schemas["ApiKey"];
export type CreatedApiKey = Schemas["CreatedApiKey"];

/** The tenant's API keys; creating one (the key itself is in the answer, once) and revoking. */
export function useApiKeys(tenantId: string, initialPage?: ListPage<ApiKey>, onCreated?: (key: CreatedApiKey) => void) {
  const query = apiKeysQuery(tenantId);
  const list = usePagedList({
    queryKey: apiKeysKey(query),
    fetchPage: (cursor) => unwrap(api.GET("/api-keys", { params: { query: { ...query, cursor } } })),
    initialPage,
  });
  const create = useMutationWithToast({
    mutationFn: (input: Omit<Schemas["CreateApiKey"], "tenantId">) =>
      unwrap(api.POST("/api-keys", { body: { ...input, tenantId } })),
    invalidates: [apiKeysKey(query)],
    // Confirmed in the shown-once panel itself, beside its Copy button.
    success: null,
    failure: "Could not create the API key.",
    onSuccess: onCreated,
  });
  const revoke = useMutationWithToast({
    mutationFn: (key: ApiKey) => unwrap(api.DELETE("/api-keys/{key}", { params: { path: { key: key.id } } })),
    invalidates: [apiKeysKey(query)],
    success: (key) => `API key “${key.name}” revoked.`,
    failure: "Could not revoke the API key.",
  });
  return { ...list, create, revoke };
}
