"use client";
import type { z } from "zod";
import { apiFetch } from "@/client/api-fetch";
import { usePagedList, type ListPage } from "@/client/hooks/use-paged-list";
import type { ZCreatedInvite, ZCreateInvite, ZInviteView } from "@/lib/schemas/tenants";
import { useMutationWithToast } from "@/components/ui/use-mutation-with-toast";
import { INVITES_QUERY, invitesKey } from "./queries";

export type Invite = z.infer<typeof ZInviteView>;
export type CreatedInvite = z.infer<typeof ZCreatedInvite>;

/** The tenant's invites (owners only), creating one (the link is in the answer, once) and revoking. */
export function useInvites(
  tenantId: string,
  initialPage?: ListPage<Invite>,
  onCreated?: (invite: CreatedInvite) => void,
) {
  const path = `/api/v1/tenants/${tenantId}/invites`;
  const list = usePagedList<Invite>({ queryKey: invitesKey(tenantId), path, query: INVITES_QUERY, initialPage });
  const create = useMutationWithToast({
    mutationFn: (input: z.input<typeof ZCreateInvite>) => apiFetch<CreatedInvite>(path, { body: input }),
    invalidates: [invitesKey(tenantId)],
    // Confirmed in the shown-once panel with the link to copy (invites-card.tsx).
    success: null,
    failure: "Could not create the invite.",
    onSuccess: onCreated,
  });
  const revoke = useMutationWithToast({
    mutationFn: (invite: Invite) => apiFetch<null>(`${path}/${invite.id}`, { method: "DELETE" }),
    invalidates: [invitesKey(tenantId)],
    success: (_, invite) => `The invite for ${invite.email} was revoked.`,
    failure: "Could not revoke the invite.",
  });
  return { ...list, create, revoke };
}
