// The portal's effective look and embedding rules for a tenant: the tenant's own settings
// (tenants.portal_settings) over the global HOOKLINE_PORTAL_* ones. Allowed origins add up.
import "server-only";
import { db } from "@/lib/db";
import { env, parseOriginList } from "@/lib/env";
import { ZPortalSettings } from "@/lib/schemas/portal";

export interface PortalLook {
  brandName: string;
  logoUrl: string | null;
  primaryColor: string | null;
  theme: "light" | "dark";
  poweredBy: boolean;
  /** Parent origins that may frame the portal (empty: nobody). */
  allowedOrigins: string[];
}

export async function resolvePortalLook(tenantId: string | null): Promise<PortalLook> {
  const settings = env();
  const row = tenantId
    ? await db().tenant.findUnique({ where: { id: tenantId }, select: { portalSettings: true } })
    : null;
  const own = ZPortalSettings.catch({}).parse(row?.portalSettings ?? {});
  return {
    brandName: own.brandName ?? settings.HOOKLINE_PORTAL_BRAND_NAME ?? "Hookline",
    logoUrl: own.logoUrl ?? settings.HOOKLINE_PORTAL_LOGO_URL ?? null,
    primaryColor: own.primaryColor ?? settings.HOOKLINE_PORTAL_PRIMARY_COLOR ?? null,
    theme: own.theme ?? settings.HOOKLINE_PORTAL_THEME,
    poweredBy: settings.HOOKLINE_PORTAL_POWERED_BY,
    allowedOrigins: [
      ...new Set([...parseOriginList(settings.HOOKLINE_PORTAL_ALLOWED_ORIGINS), ...(own.allowedOrigins ?? [])]),
    ],
  };
}
