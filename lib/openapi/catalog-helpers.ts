// Shorthands shared by the catalog files (lib/openapi/<noun>.ts).
import type { z } from "zod";

export const ok = <Schema extends z.ZodType | undefined = undefined>(description: string, schema?: Schema) => ({
  status: 200 as const,
  description,
  schema,
});
export const created = <Schema extends z.ZodType>(description: string, schema: Schema) => ({
  status: 201 as const,
  description,
  schema,
});
export const noContent = (description: string) => ({ status: 204 as const, description });

export const TENANT = "/tenants/{tenant}";
export const ENDPOINT = `${TENANT}/endpoints/{endpoint}`;
export const MESSAGE = `${TENANT}/messages/{message}`;
