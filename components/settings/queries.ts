// The settings lists' queries and react-query keys, built from the API's own query types (STYLE
// rule 7). Plain module: the server page reads the same queries for the first page.
import type { z } from "zod";
import type { ZListApiKeysQuery } from "@/lib/schemas/api-keys";
import type { ZListAuditEventsQuery } from "@/lib/schemas/audit";
import type { ZListInvitesQuery, ZListMembersQuery } from "@/lib/schemas/tenants";

type MembersQuery = z.output<typeof ZListMembersQuery>;
type InvitesQuery = z.output<typeof ZListInvitesQuery>;
type ApiKeysQuery = z.output<typeof ZListApiKeysQuery>;

export const MEMBERS_QUERY: MembersQuery = { limit: 100 };
export const membersKey = (tenantId: string, query: MembersQuery = MEMBERS_QUERY) =>
  ["tenants", tenantId, "members", query] as const;

export const INVITES_QUERY: InvitesQuery = { limit: 100 };
export const invitesKey = (tenantId: string, query: InvitesQuery = INVITES_QUERY) =>
  ["tenants", tenantId, "invites", query] as const;

export const apiKeysQuery = (tenantId: string): ApiKeysQuery => ({ tenantId, limit: 100 });
export const apiKeysKey = (query: ApiKeysQuery) => ["api-keys", query] as const;

export const tenantKey = (tenantId: string) => ["tenants", tenantId, "settings"] as const;

type AuditQuery = z.output<typeof ZListAuditEventsQuery>;
export const AUDIT_QUERY: AuditQuery = { limit: 50 };
export const auditKey = (tenantId: string, query: AuditQuery = AUDIT_QUERY) =>
  ["tenants", tenantId, "audit-events", query] as const;
