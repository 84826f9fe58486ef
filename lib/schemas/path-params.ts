// Every path parameter of the API, by the name its [segment] has under app/api/v1. The route
// wrapper checks them before a handler runs (a malformed id is a 404, like an unknown one),
// and the OpenAPI document describes them from the same schemas.
import { z } from "zod";
import { zEventTypeName, zId } from "./common";

export const PATH_PARAMS = {
  tenant: zId("tenant"),
  endpoint: zId("endpoint"),
  message: zId("message"),
  invite: zId("invite"),
  user: zId("user"),
  key: zId("apiKey"),
  name: zEventTypeName,
  incident: zId("incident"),
  /** Checked by lib/polling (an unknown or malformed token is a 401), only bounded here. */
  pollingToken: z.string().min(1).max(200),
} as const;

export type PathParamName = keyof typeof PATH_PARAMS;

const WHAT: Record<PathParamName, string> = {
  tenant: "Tenant",
  endpoint: "Endpoint",
  message: "Message",
  invite: "Invite",
  user: "Member",
  key: "API key",
  name: "Event type",
  incident: "Incident",
  pollingToken: "Polling token",
};

/** The first malformed parameter's resource name, or null when all are well-formed. */
export function malformedPathParam(params: object): string | null {
  for (const [name, value] of Object.entries(params)) {
    const schema = PATH_PARAMS[name as PathParamName];
    if (schema && !schema.safeParse(value).success) return WHAT[name as PathParamName];
  }
  return null;
}

export const pathParamSchema = (name: string): z.ZodType | undefined => PATH_PARAMS[name as PathParamName];
