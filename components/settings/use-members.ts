"use client";
import { api, unwrap, type Schemas } from "@/client/browser-api";
import { usePagedList, type ListPage } from "@/client/hooks/use-paged-list";
import { useMutationWithToast } from "@/components/ui/use-mutation-with-toast";
import { MEMBERS_QUERY, membersKey } from "./queries";

export type Member = Schemas["Member"];

/** The tenant's members, and the owner's changes to them. */
export function useMembers(tenantId: string, initialPage?: ListPage<Member>) {
  const tenant = { tenant: tenantId };
  const list = usePagedList({
    queryKey: membersKey(tenantId),
    fetchPage: (cursor) =>
      unwrap(api.GET("/tenants/{tenant}/members", { params: { path: tenant, query: { ...MEMBERS_QUERY, cursor } } })),
    initialPage,
  });
  const memberPath = (member: Member) => ({ path: { ...tenant, user: member.userId } });
  const changeRole = useMutationWithToast({
    mutationFn: ({ member, role }: { member: Member } & Schemas["UpdateMember"]) =>
      unwrap(api.PATCH("/tenants/{tenant}/members/{user}", { params: memberPath(member), body: { role } })),
    invalidates: [membersKey(tenantId)],
    success: (updated) => `${updated.email} is now ${updated.role}.`,
    failure: "Could not change the role.",
  });
  const remove = useMutationWithToast({
    mutationFn: (member: Member) =>
      unwrap(api.DELETE("/tenants/{tenant}/members/{user}", { params: memberPath(member) })),
    invalidates: [membersKey(tenantId)],
    success: (_, member) => `${member.email} was removed.`,
    failure: "Could not remove the member.",
  });
  return { ...list, changeRole, remove };
}
