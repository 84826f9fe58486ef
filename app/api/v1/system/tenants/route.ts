// GET /api/v1/system/tenants – every tenant with its usage: endpoints, messages in 24 h, members (operators)
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { route } from "@/lib/api/route";
import * as catalog from "@/lib/openapi/system";
import { listTenantUsage } from "@/lib/system";

export const GET = route(catalog.listTenantUsage, async ({ principal, query }) => listTenantUsage(principal, query));

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed("GET");
