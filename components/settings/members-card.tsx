"use client";
// Members of the tenant. Owners change roles and remove members; the last owner can be neither
// demoted nor removed (the API refuses too, with last_owner). Everyone else reads.
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmItemDialog } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { RelativeTime } from "@/components/ui/relative-time";
import { Table, Td } from "@/components/ui/table";
import type { ListPage } from "@/client/hooks/use-paged-list";
import { InlineRoleSelect, ROLES, type Role } from "./role-select";
import { useMembers, type Member } from "./use-members";
import { LoadMore } from "@/components/ui/load-more";

export function MembersCard({
  tenantId,
  currentUserId,
  canManage,
  initialPage,
}: {
  tenantId: string;
  currentUserId: string;
  canManage: boolean;
  initialPage: ListPage<Member>;
}) {
  const members = useMembers(tenantId, initialPage);
  const [removing, setRemoving] = useState<Member | null>(null);
  const owners = members.items.filter((member) => member.role === "owner").length;
  const isLastOwner = (member: Member) => member.role === "owner" && owners <= 1;

  return (
    <Card
      title="Members"
      description={
        canManage
          ? "Who can sign in to this tenant, and what they may do."
          : "Who can sign in to this tenant. Owners manage members."
      }
    >
      {members.items.length === 0 ? (
        <EmptyState title="No members yet">Invite someone below; they join when they open the invite link.</EmptyState>
      ) : (
        <Table
          label="Members"
          head={["Member", "Role", "Joined", ...(canManage ? [{ label: "Actions", hidden: true } as const] : [])]}
        >
          {members.items.map((member) => {
            const label = member.name ? `${member.name} (${member.email})` : member.email;
            const lastOwner = isLastOwner(member);
            const busy =
              (members.changeRole.isPending && members.changeRole.variables?.member.userId === member.userId) ||
              (members.remove.isPending && members.remove.variables?.userId === member.userId);
            return (
              <tr key={member.userId}>
                <Td>
                  <div className="font-medium text-slate-900">{member.name ?? member.email}</div>
                  {member.name && <div className="text-xs text-slate-500">{member.email}</div>}
                  {member.userId === currentUserId && <Badge className="mt-1">you</Badge>}
                </Td>
                <Td>
                  {canManage ? (
                    <InlineRoleSelect
                      label={`Role of ${label}`}
                      value={member.role}
                      roles={ROLES}
                      disabled={lastOwner || busy}
                      title={
                        lastOwner ? "A tenant needs at least one owner: make someone else owner first." : undefined
                      }
                      onChange={(role: Role) => members.changeRole.mutate({ member, role })}
                    />
                  ) : (
                    <Badge tone={member.role === "owner" ? "info" : "neutral"}>{member.role}</Badge>
                  )}
                </Td>
                <Td>
                  <RelativeTime iso={member.joinedAt} />
                </Td>
                {canManage && (
                  <Td className="text-right">
                    <Button
                      variant="ghost"
                      size="sm"
                      busy={busy}
                      disabled={lastOwner}
                      title={lastOwner ? "The last owner cannot be removed." : undefined}
                      className="disabled:text-slate-400 disabled:hover:bg-transparent"
                      aria-label={`Remove ${label}`}
                      onClick={() => setRemoving(member)}
                    >
                      Remove
                    </Button>
                  </Td>
                )}
              </tr>
            );
          })}
        </Table>
      )}
      <LoadMore query={members} className="mt-4" />
      <ConfirmItemDialog
        item={removing}
        mutation={members.remove}
        onClose={() => setRemoving(null)}
        title="Remove this member?"
        confirmLabel="Remove member"
      >
        {(member) => (
          <>
            {member.email} loses access to this tenant at once. API keys they created keep working until you revoke
            them.
          </>
        )}
      </ConfirmItemDialog>
    </Card>
  );
}
