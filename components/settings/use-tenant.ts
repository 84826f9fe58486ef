"use client";
import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import type { z } from "zod";
import { apiFetch } from "@/client/api-fetch";
import type { ZTenantView, ZUpdateTenant } from "@/lib/schemas/tenants";
import { useMutationWithToast } from "@/components/ui/use-mutation-with-toast";
import { tenantKey } from "./queries";

export type Tenant = z.infer<typeof ZTenantView>;

/** One tenant and its settings; a rename also refreshes the shell (the tenant switcher shows the name). */
export function useTenant(initial: Tenant) {
  const router = useRouter();
  const query = useQuery({
    queryKey: tenantKey(initial.id),
    queryFn: () => apiFetch<Tenant>(`/api/v1/tenants/${initial.id}`),
    initialData: initial,
  });
  const update = useMutationWithToast({
    mutationFn: (patch: z.input<typeof ZUpdateTenant>) =>
      apiFetch<Tenant>(`/api/v1/tenants/${initial.id}`, { method: "PATCH", body: patch }),
    invalidates: [tenantKey(initial.id)],
    success: () => "Settings saved.",
    failure: "Could not save the settings.",
    onSuccess: (_, patch) => {
      if (patch.name !== undefined) router.refresh();
    },
  });
  return { tenant: query.data, update };
}
