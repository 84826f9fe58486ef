// GET /portal/:tenant – where a portal link lands (#token=… in the fragment): signs the browser in, or says the link expired
import { isId } from "@/lib/ids";
import { resolvePortalLook } from "@/lib/portal";
import { portalLandingHtml } from "@/lib/portal/portal-landing-page";
import { contentSecurityPolicy, createNonce } from "@/lib/security/content-security-policy";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, context: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await context.params;
  // An unknown tenant gets the same page (with the global look): a link cannot probe for tenants.
  const tenantId = isId("tenant", tenant) ? tenant : null;
  const look = await resolvePortalLook(tenantId);
  const nonce = createNonce();
  return new Response(portalLandingHtml({ tenantId: tenantId ?? "", look, nonce }), {
    headers: {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-store",
      "referrer-policy": "no-referrer",
      "content-security-policy": contentSecurityPolicy({
        nonce,
        frameAncestors: look.allowedOrigins,
        development: process.env.NODE_ENV === "development",
      }),
    },
  });
}
