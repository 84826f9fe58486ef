"use client";
import type { z } from "zod";
import { apiFetch } from "@/client/api-fetch";
import { usePagedList, type ListPage } from "@/client/hooks/use-paged-list";
import type { ZApiKeyView, ZCreateApiKey, ZCreatedApiKey } from "@/lib/schemas/api-keys";
import { useMutationWithToast } from "@/components/ui/use-mutation-with-toast";
import { apiKeysKey, apiKeysQuery } from "./queries";

export type ApiKey = z.infer<typeof ZApiKeyView>;
export type CreatedApiKey = z.infer<typeof ZCreatedApiKey>;

/** The tenant's API keys; creating one (the key itself is in the answer, once) and revoking. */
export function useApiKeys(tenantId: string, initialPage?: ListPage<ApiKey>, onCreated?: (key: CreatedApiKey) => void) {
  const query = apiKeysQuery(tenantId);
  const list = usePagedList<ApiKey>({ queryKey: apiKeysKey(query), path: "/api/v1/api-keys", query, initialPage });
  const create = useMutationWithToast({
    mutationFn: (input: Omit<z.input<typeof ZCreateApiKey>, "tenantId">) =>
      apiFetch<CreatedApiKey>("/api/v1/api-keys", { body: { ...input, tenantId } }),
    invalidates: [apiKeysKey(query)],
    // Confirmed in the shown-once panel itself, beside its Copy button.
    success: null,
    failure: "Could not create the API key.",
    onSuccess: onCreated,
  });
  const revoke = useMutationWithToast({
    mutationFn: (key: ApiKey) => apiFetch<ApiKey>(`/api/v1/api-keys/${key.id}`, { method: "DELETE" }),
    invalidates: [apiKeysKey(query)],
    success: (key) => `API key “${key.name}” revoked.`,
    failure: "Could not revoke the API key.",
  });
  return { ...list, create, revoke };
}
