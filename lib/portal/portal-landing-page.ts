// The page a portal link opens (/portal/{tenant}#token=…). Plain HTML with one small script, so
// that its route handler can give it the tenant's own frame-ancestors before anyone is signed
// in. The script reads the token from the fragment (never sent to a server), removes it from the
// address bar, signs in with next-auth's "portal" provider and goes to the tenant's overview; a
// token that is expired, used, tampered or another tenant's shows "This link has expired" instead,
// and tells an embedding page so (postMessage hookline:expired).
import type { PortalLook } from "./portal-settings";

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

export function portalLandingHtml(options: { tenantId: string; look: PortalLook; nonce: string }): string {
  const { look, nonce } = options;
  const brand = escapeHtml(look.brandName);
  const primary = look.primaryColor ?? "#2756e0";
  const dark = look.theme === "dark";
  const logo = look.logoUrl ? `<img src="${escapeHtml(look.logoUrl)}" alt="" class="logo">` : "";
  const script = `(${signInScript.toString()})(${JSON.stringify({ tenantId: options.tenantId, origins: look.allowedOrigins })});`;
  return `<!doctype html>
<html lang="en" data-theme="${look.theme}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="referrer" content="no-referrer">
  <title>Webhooks · ${brand}</title>
  <style>
    :root { color-scheme: ${dark ? "dark" : "light"}; --primary: ${primary}; }
    body { margin: 0; font-family: ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
      background: ${dark ? "#0f172a" : "#f8fafc"}; color: ${dark ? "#e2e8f0" : "#0f172a"}; }
    main { max-width: 28rem; margin: 12vh auto; padding: 2rem 1.5rem; text-align: center; }
    .brand { display: flex; align-items: center; justify-content: center; gap: .6rem; font-weight: 600; font-size: 1.15rem; }
    .logo { height: 2rem; width: auto; }
    h1 { font-size: 1.35rem; margin: 2rem 0 .5rem; }
    p { color: ${dark ? "#94a3b8" : "#475569"}; line-height: 1.5; margin: 0; }
    .spinner { width: 1.5rem; height: 1.5rem; margin: 2rem auto 0; border-radius: 50%; border: 3px solid ${dark ? "#334155" : "#cbd5e1"}; border-top-color: var(--primary); animation: spin .8s linear infinite; }
    @keyframes spin { to { transform: rotate(360deg) } }
    [hidden] { display: none !important; }
  </style>
</head>
<body>
  <main>
    <div class="brand">${logo}<span>${brand}</span></div>
    <section id="opening" aria-live="polite">
      <h1>Opening your webhooks…</h1>
      <div class="spinner" role="status" aria-label="Signing in"></div>
    </section>
    <section id="expired" hidden>
      <h1>This link has expired</h1>
      <p>Go back to ${brand} and open Webhooks again.</p>
    </section>
  </main>
  <script nonce="${nonce}">${script}</script>
</body>
</html>`;
}

/** Runs in the browser (serialised with toString: no imports, no closures). */
function signInScript(config: { tenantId: string; origins: string[] }): void {
  const show = (state: "opening" | "expired") => {
    document.getElementById("opening")!.hidden = state !== "opening";
    document.getElementById("expired")!.hidden = state !== "expired";
    if (state === "expired" && window.parent !== window) {
      for (const origin of config.origins) window.parent.postMessage({ type: "hookline:expired" }, origin);
    }
  };

  async function open(): Promise<void> {
    const fragment = new URLSearchParams(location.hash.slice(1));
    const token = fragment.get("token");
    const embed = fragment.get("embed") === "1" || new URLSearchParams(location.search).get("embed") === "1";
    // The token is spent below; it must not stay in the address bar or the history.
    history.replaceState(null, "", location.pathname + (embed ? "?embed=1" : ""));
    if (!token) return show("expired");
    show("opening");
    try {
      const { csrfToken } = (await (await fetch("/api/auth/csrf", { credentials: "same-origin" })).json()) as {
        csrfToken: string;
      };
      const target = `/t/${config.tenantId}`;
      const response = await fetch("/api/auth/callback/portal", {
        method: "POST",
        credentials: "same-origin",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({
          tenant: config.tenantId,
          token,
          embed: embed ? "1" : "0",
          csrfToken,
          callbackUrl: target,
          json: "true",
        }),
      });
      const answer = (await response.json().catch(() => ({}))) as { url?: string };
      if (!response.ok || !answer.url || new URL(answer.url, location.href).searchParams.has("error"))
        return show("expired");
      location.replace(target);
    } catch {
      show("expired");
    }
  }

  // Again when only the fragment changes: a second link opened in the same tab does not reload.
  window.addEventListener("hashchange", () => void open());
  void open();
}
