// The tenant portal: links that open a tenant's dashboard, and the audit trail of what was done in it.
// Each entry is the operation's one declaration: see lib/openapi/api-operation.ts.
import { ZAuditEventView, ZListAuditEventsQuery } from "@/lib/schemas/audit";
import { zPage } from "@/lib/schemas/common";
import { ZCreatePortalAccess, ZPortalAccess } from "@/lib/schemas/portal";
import { defineOperation } from "./api-operation";
import { ok, created, TENANT } from "./catalog-helpers";

export const createPortalAccess = defineOperation({
  operationId: "createPortalAccess",
  method: "post",
  path: `${TENANT}/portal-access`,
  tag: "Portal",
  summary: "Open the tenant's dashboard for one of your users",
  description:
    "A single-use link (valid expiresIn seconds, default 600) that signs a browser into a portal session of this tenant only, with the role given (admin or viewer), for at most HOOKLINE_PORTAL_SESSION_MAX_AGE_S (12 h). Open it, or embed it in an iframe with `?embed=1` from an allowed origin; see docs/PORTAL.md. `user` is recorded in the audit trail as the acting user. Only the token's hash is stored.",
  access: "platform",
  body: ZCreatePortalAccess,
  bodyOptional: true,
  cacheControl: "no-store",
  responses: [created("The link (its token is in the fragment) and when it expires.", ZPortalAccess)],
});

export const listAuditEvents = defineOperation({
  operationId: "listAuditEvents",
  method: "get",
  path: `${TENANT}/audit-events`,
  tag: "Portal",
  summary: "List the tenant's audit trail",
  description:
    "Endpoint changes, secret rotations, resends and recoveries, newest first, with who did them: a portal link's user (as the link named them), a dashboard account or an API key.",
  access: "platform",
  query: ZListAuditEventsQuery,
  responses: [ok("A page of audit events.", zPage(ZAuditEventView))],
});

/** Answers named in the document's components.schemas. */
export const views = {
  PortalAccess: ZPortalAccess,
  AuditEvent: ZAuditEventView,
};
