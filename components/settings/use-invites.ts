"use client";
import { api, unwrap, type Schemas } from "@/client/browser-api";
import { usePagedList, type ListPage } from "@/client/hooks/use-paged-list";
import { useMutationWithToast } from "@/components/ui/use-mutation-with-toast";
import { INVITES_QUERY, invitesKey } from "./queries";

export type Invite = Schemas["Invite"];
export type CreatedInvite = Schemas["CreatedInvite"];

/** The tenant's invites (owners only), creating one (the link is in the answer, once) and revoking. */
export function useInvites(
  tenantId: string,
  initialPage?: ListPage<Invite>,
  onCreated?: (invite: CreatedInvite) => void,
) {
  const tenant = { tenant: tenantId };
  const list = usePagedList({
    queryKey: invitesKey(tenantId),
    fetchPage: (cursor) =>
      unwrap(api.GET("/tenants/{tenant}/invites", { params: { path: tenant, query: { ...INVITES_QUERY, cursor } } })),
    initialPage,
  });
  const create = useMutationWithToast({
    mutationFn: (body: Schemas["CreateInvite"]) =>
      unwrap(api.POST("/tenants/{tenant}/invites", { params: { path: tenant }, body })),
    invalidates: [invitesKey(tenantId)],
    // Confirmed in the shown-once panel with the link to copy (invites-card.tsx).
    success: null,
    failure: "Could not create the invite.",
    onSuccess: onCreated,
  });
  const revoke = useMutationWithToast({
    mutationFn: (invite: Invite) =>
      unwrap(api.DELETE("/tenants/{tenant}/invites/{invite}", { params: { path: { ...tenant, invite: invite.id } } })),
    invalidates: [invitesKey(tenantId)],
    success: (_, invite) => `The invite for ${invite.email} was revoked.`,
    failure: "Could not revoke the invite.",
  });
  return { ...list, create, revoke };
}
