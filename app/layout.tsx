import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { PORTAL_SESSION_HEADER } from "@/lib/auth/portal-claims";
import { themeScript } from "@/lib/theme/theme-script";
import "./globals.css";
import { Providers } from "./providers";

// Every page is rendered per request: Next puts the request's CSP nonce (proxy.ts) on its
// scripts only when it renders, so a prerendered page's scripts would be refused.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "Hookline", template: "%s · Hookline" },
  description: "Webhook delivery: signed, retried and logged.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const requestHeaders = await headers();
  // The theme script sets <html>'s `dark` class before the first paint (lib/theme/theme-script.ts),
  // hence suppressHydrationWarning here, on <html> only. A portal session wears the theme its
  // operator chose (lib/portal/portal-theme-css.ts), not the browser's: no script there.
  const portal = requestHeaders.get(PORTAL_SESSION_HEADER) === "1";
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        {!portal && (
          <script
            nonce={requestHeaders.get("x-nonce") ?? undefined}
            dangerouslySetInnerHTML={{ __html: themeScript() }}
          />
        )}
      </head>
      <body className="min-h-screen font-sans">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
