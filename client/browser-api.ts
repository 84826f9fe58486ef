// The dashboard's client for /api/v1, in the browser: openapi-fetch typed from the OpenAPI
// document (client/api-types.ts), same-origin with the session cookie (no API key), and every
// failed answer thrown as an ApiError with the API's code, message and field details, so a hook
// reads `unwrap(api.GET("/tenants/{tenant}", …))` and gets the answer's own type.
import createClient from "openapi-fetch";
import type { z } from "zod";
import type { ZAcceptInvite, ZRegisterUser } from "@/lib/schemas/users";
import type { Registration } from "@/lib/users";
import type { acceptInvite } from "@/lib/invites";
import { apiErrorOf } from "./api-error";
import type { components, paths } from "./api-types";

export { ApiError, unwrap } from "./api-error";

/** The API's named schemas (`Schemas["Endpoint"]`, `Schemas["MessageSummary"]`, …). */
export type Schemas = components["schemas"];

/** A keyset-paginated list answer. */
export interface ListPage<Item> {
  data: Item[];
  nextCursor: string | null;
}

/** Query values as the dashboard has always sent them: empty ones left out, the rest as text. */
export function serializeQuery(query: Record<string, unknown>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query))
    if (value !== undefined && value !== null && value !== "") search.set(name, String(value));
  return search.toString();
}

export const api = createClient<paths>({
  baseUrl: "/api/v1",
  credentials: "same-origin",
  querySerializer: serializeQuery,
});

// The account routes are the dashboard's own, not the public API: signing up (a new user, rate
// limited per address, no session yet) and accepting an invite (a signed-in user joins a tenant;
// API keys are refused). They are not in the OpenAPI document, so their types come from the
// zod schemas and the lib/ functions behind them.
interface AccountRoutes {
  "/api/account/register": { body: z.input<typeof ZRegisterUser>; answer: Registration };
  "/api/account/invites/accept": {
    body: z.input<typeof ZAcceptInvite>;
    answer: Awaited<ReturnType<typeof acceptInvite>>;
  };
}

export async function postAccount<Path extends keyof AccountRoutes>(
  path: Path,
  body: AccountRoutes[Path]["body"],
): Promise<AccountRoutes[Path]["answer"]> {
  const response = await fetch(path, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
    credentials: "same-origin",
  });
  const text = await response.text();
  const data = text ? (JSON.parse(text) as unknown) : null;
  if (!response.ok) throw apiErrorOf(response.status, data);
  return data as AccountRoutes[Path]["answer"];
}
