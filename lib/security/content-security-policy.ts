// The Content-Security-Policy of every page (set by proxy.ts, and by the few route handlers
// that answer HTML themselves: /portal/{tenant}, /docs). Scripts run only with this response's
// nonce ('strict-dynamic' lets Next's nonce'd scripts load their chunks); no 'unsafe-eval' in
// production (React's development build needs it). Styles allow 'unsafe-inline': React and
// recharts write style attributes, and a style cannot run code. frame-ancestors is 'none' —
// nobody may frame Hookline (clickjacking) — except a portal session's allowed parent origins.
import { randomBytes } from "node:crypto";

export interface CspOptions {
  nonce: string;
  /** Origins allowed to frame the page; empty: none. */
  frameAncestors?: readonly string[];
  development?: boolean;
}

export function createNonce(): string {
  return randomBytes(16).toString("base64");
}

export function contentSecurityPolicy({ nonce, frameAncestors = [], development = false }: CspOptions): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    // Portal logos live on the platform's own servers.
    "img-src 'self' data: blob: https: http:",
    "font-src 'self' data:",
    `connect-src 'self'${development ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors.length ? frameAncestors.join(" ") : "'none'"}`,
  ].join("; ");
}

/** The other headers every page gets (next.config.ts sets them on every response). */
export const STATIC_SECURITY_HEADERS: ReadonlyArray<{ key: string; value: string }> = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
];
