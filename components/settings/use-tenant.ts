"use client";
import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { api, unwrap, type Schemas } from "@/client/browser-api";
import { useMutationWithToast } from "@/components/ui/use-mutation-with-toast";
import { tenantKey } from "./queries";

export type Tenant = Schemas["Tenant"];

/** One tenant and its settings; a rename also refreshes the shell (the tenant switcher shows the name). */
export function useTenant(initial: Tenant) {
  const router = useRouter();
  const params = { path: { tenant: initial.id } };
  const query = useQuery({
    queryKey: tenantKey(initial.id),
    queryFn: () => unwrap(api.GET("/tenants/{tenant}", { params })),
    initialData: initial,
  });
  const update = useMutationWithToast({
    mutationFn: (body: Schemas["UpdateTenant"]) => unwrap(api.PATCH("/tenants/{tenant}", { params, body })),
    invalidates: [tenantKey(initial.id)],
    success: () => "Settings saved.",
    failure: "Could not save the settings.",
    onSuccess: (_, patch) => {
      if (patch.name !== undefined) router.refresh();
    },
  });
  return { tenant: query.data, update };
}
