// POST /api/v1/tenants/:tenant/portal-access – a single-use link that opens the tenant's dashboard (platform only)
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { route } from "@/lib/api/route";
import * as catalog from "@/lib/openapi/portal";
import { issuePortalAccess } from "@/lib/portal";

export const POST = route(catalog.createPortalAccess, async ({ principal, tenant, body }) =>
  issuePortalAccess(tenant.tenantId, body, principal.kind === "platform" ? principal.keyId : null),
);

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed("POST");
