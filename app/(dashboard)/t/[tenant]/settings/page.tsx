import type { Metadata } from "next";
import { ApiKeysCard } from "@/components/settings/api-keys-card";
import { AuditTrailCard } from "@/components/settings/audit-trail-card";
import { InvitesCard } from "@/components/settings/invites-card";
import { MembersCard } from "@/components/settings/members-card";
import { PortalSettingsCard } from "@/components/settings/portal-settings-card";
import { TenantSettingsCard } from "@/components/settings/tenant-settings-card";
import { apiKeysQuery, AUDIT_QUERY, INVITES_QUERY, MEMBERS_QUERY } from "@/components/settings/queries";
import { PageHeader, tenantCrumbs } from "@/components/ui/page-header";
import { listApiKeys } from "@/lib/api-keys";
import { listAuditEvents } from "@/lib/audit";
import { requireTenantMember } from "@/lib/auth/page-access";
import { listInvites } from "@/lib/invites";
import { listMembers } from "@/lib/members";
import { ZListApiKeysQuery } from "@/lib/schemas/api-keys";
import { ZListAuditEventsQuery } from "@/lib/schemas/audit";
import { ZListInvitesQuery, ZListMembersQuery } from "@/lib/schemas/tenants";
import { getTenant } from "@/lib/tenants";

export const metadata: Metadata = { title: "Settings" };

/** Members, invites, API keys and the tenant's own settings; what a role may not change is shown read-only. */
export default async function SettingsPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant: tenantId } = await params;
  const { user, access, canWrite, canManage } = await requireTenantMember(tenantId);
  // The first page of each list comes with the HTML; the client hooks take over from there.
  const [tenant, members, keys, invites, audit] = await Promise.all([
    getTenant(tenantId),
    listMembers(tenantId, ZListMembersQuery.parse(MEMBERS_QUERY)),
    listApiKeys(user, ZListApiKeysQuery.parse(apiKeysQuery(tenantId))),
    canManage ? listInvites(tenantId, ZListInvitesQuery.parse(INVITES_QUERY)) : null,
    user.isOperator ? listAuditEvents(tenantId, ZListAuditEventsQuery.parse(AUDIT_QUERY)) : null,
  ]);
  return (
    <>
      <PageHeader
        title="Settings"
        description={canWrite ? undefined : "You have read access (viewer): ask an owner to change anything here."}
        crumbs={tenantCrumbs(tenantId, { label: "Settings" })}
      />
      <div className="space-y-6">
        <TenantSettingsCard initial={tenant} canRename={canManage} isOperator={user.isOperator} />
        <MembersCard tenantId={tenantId} currentUserId={user.userId} canManage={canManage} initialPage={members} />
        {invites && <InvitesCard tenantId={tenantId} role={access.role} initialPage={invites} />}
        <ApiKeysCard tenantId={tenantId} role={access.role} canWrite={canWrite} initialPage={keys} />
        {user.isOperator && <PortalSettingsCard initial={tenant} />}
        {audit && <AuditTrailCard tenantId={tenantId} initialPage={audit} />}
      </div>
    </>
  );
}
