// The operator lists' queries and react-query keys, built from the API's own query types (STYLE
// rule 7). Plain module: the server pages read the same queries for the first page.
import type { z } from "zod";
import type { ZListEventTypesQuery } from "@/lib/schemas/event-types";
import type { ZListTenantsQuery } from "@/lib/schemas/tenants";

type TenantsQuery = z.output<typeof ZListTenantsQuery>;
type EventTypesQuery = z.output<typeof ZListEventTypesQuery>;

export const TENANT_USAGE_QUERY: TenantsQuery = { limit: 50 };
export const tenantUsageKey = (query: TenantsQuery = TENANT_USAGE_QUERY) => ["system", "tenants", query] as const;

/** The operator sees the whole catalog, archived types too. */
export const CATALOG_QUERY: EventTypesQuery = { limit: 250, includeArchived: true };
export const catalogKey = (query: EventTypesQuery = CATALOG_QUERY) => ["event-types", query] as const;

export const systemStatusKey = ["system", "status"] as const;
