"use client";
import type { z } from "zod";
import { apiFetch } from "@/client/api-fetch";
import { usePagedList, type ListPage } from "@/client/hooks/use-paged-list";
import type { ZMemberView, ZUpdateMember } from "@/lib/schemas/tenants";
import { useMutationWithToast } from "@/components/ui/use-mutation-with-toast";
import { MEMBERS_QUERY, membersKey } from "./queries";

export type Member = z.infer<typeof ZMemberView>;

/** The tenant's members, and the owner's changes to them. */
export function useMembers(tenantId: string, initialPage?: ListPage<Member>) {
  const path = `/api/v1/tenants/${tenantId}/members`;
  const list = usePagedList<Member>({ queryKey: membersKey(tenantId), path, query: MEMBERS_QUERY, initialPage });
  const changeRole = useMutationWithToast({
    mutationFn: ({ member, role }: { member: Member } & z.input<typeof ZUpdateMember>) =>
      apiFetch<Member>(`${path}/${member.userId}`, { method: "PATCH", body: { role } }),
    invalidates: [membersKey(tenantId)],
    success: (updated) => `${updated.email} is now ${updated.role}.`,
    failure: "Could not change the role.",
  });
  const remove = useMutationWithToast({
    mutationFn: (member: Member) => apiFetch<null>(`${path}/${member.userId}`, { method: "DELETE" }),
    invalidates: [membersKey(tenantId)],
    success: (_, member) => `${member.email} was removed.`,
    failure: "Could not remove the member.",
  });
  return { ...list, changeRole, remove };
}
