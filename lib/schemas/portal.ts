// Portal links and the portal's look: the body of POST /tenants/{t}/portal-access, its answer,
// and a tenant's portal settings (theme and the origins allowed to embed it).
import { z } from "zod";
import { zTime } from "./common";

/**
 * An origin as browsers send it: http(s), host and port, nothing else (https://app.example.com).
 * Each becomes a frame-ancestors source, so nothing else may pass: no path, no wildcard, no spaces.
 */
export function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (
      (url.protocol === "https:" || url.protocol === "http:") && url.origin === value && !url.hostname.includes("*")
    );
  } catch {
    return false;
  }
}

export const zOrigin = z
  .string()
  .max(200)
  .refine(isOrigin, "must be an origin like https://app.example.com (no path, no trailing slash, no wildcard)");

export const zHexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, "must be a colour like #2756e0");

/** A tenant's own portal settings; what it leaves out comes from the HOOKLINE_PORTAL_* settings. */
export const ZPortalSettings = z
  .object({
    brandName: z.string().trim().min(1).max(80),
    logoUrl: z.url({ protocol: /^https?$/ }).max(2_000),
    primaryColor: zHexColor,
    theme: z.enum(["light", "dark"]),
    /** Parent pages allowed to embed this tenant's portal (added to the global list). */
    allowedOrigins: z.array(zOrigin).max(20),
  })
  .partial()
  .strict();
export type TPortalSettings = z.infer<typeof ZPortalSettings>;

export const ZCreatePortalAccess = z
  .object({
    role: z.enum(["admin", "viewer"]).default("admin"),
    /** Seconds until the link expires (unused); the session it opens lasts HOOKLINE_PORTAL_SESSION_MAX_AGE_S. */
    expiresIn: z.number().int().min(1).max(86_400).default(600),
    /** The platform's user who is acting, recorded in the audit trail. */
    user: z
      .object({
        id: z.string().trim().min(1).max(200),
        email: z.string().trim().max(320).optional(),
        name: z.string().trim().max(200).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type TCreatePortalAccess = z.input<typeof ZCreatePortalAccess>;

export const ZPortalAccess = z.object({
  /** Open it (or embed it with `&embed=1`) within expiresAt; it works once. */
  url: z.url(),
  token: z.string(),
  expiresAt: zTime,
});
