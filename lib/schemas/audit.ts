// The audit trail of changes in a tenant (GET /tenants/{t}/audit-events).
import { z } from "zod";
import { zId, zPageQuery, zTime } from "./common";

export const AUDIT_ACTIONS = [
  "endpoint.created",
  "endpoint.updated",
  "endpoint.deleted",
  "endpoint.enabled",
  "endpoint.disabled",
  "endpoint.headers_replaced",
  "endpoint.secret_rotated",
  "endpoint.polling_token_rotated",
  "endpoint.recovered",
  "endpoint.test_sent",
  "message.resent",
  "incident.resolved",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const ZAuditEventView = z.object({
  id: zId("auditEvent"),
  action: z.enum(AUDIT_ACTIONS),
  actor: z.object({
    /** portal: a portal link's user (id, email, name as the platform sent them); user: a dashboard account; api_key: a key. */
    kind: z.enum(["portal", "user", "api_key"]),
    id: z.string().nullable(),
    email: z.string().nullable(),
    name: z.string().nullable(),
  }),
  target: z.object({ type: z.string(), id: z.string() }).nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
  createdAt: zTime,
});
export type TAuditEventView = z.infer<typeof ZAuditEventView>;

export const ZListAuditEventsQuery = zPageQuery("auditEvent");
