// The API docs page (/docs): Swagger UI from the swagger-ui-dist package, served by Hookline
// itself, so it works offline and loads nothing from a CDN. Swagger UI renders OpenAPI 3.1,
// including the `webhooks` section. Its online validator badge would call validator.swagger.io,
// so it is switched off (validatorUrl: null). Its assets' URLs carry the package version and are
// served as immutable; the spec is preloaded while the script downloads. It follows the
// dashboard's theme (lib/theme/theme-script.ts): Swagger UI's own dark stylesheet applies under
// <html class="dark-mode">.
import "server-only";
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { getAbsoluteFSPath } from "swagger-ui-dist";
import { themeScript } from "@/lib/theme/theme-script";

/** The files the page loads, and their content types; nothing else is served from the package. */
const ASSETS: Record<string, string> = {
  "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
  "swagger-ui.css": "text/css; charset=utf-8",
};

/** The installed swagger-ui-dist version: part of every asset URL, so the assets can be cached for good. */
export const DOCS_ASSETS_VERSION = (
  JSON.parse(readFileSync(path.join(getAbsoluteFSPath(), "package.json"), "utf8")) as { version: string }
).version;

const assetUrl = (file: string) => `/docs/assets/${DOCS_ASSETS_VERSION}/${file}`;

/** One of the page's files, at the installed version only (an old page's URL is a 404, not stale bytes). */
export async function readDocsAsset(
  version: string,
  file: string,
): Promise<{ body: Buffer; contentType: string } | null> {
  const contentType = Object.hasOwn(ASSETS, file) ? ASSETS[file] : undefined;
  if (!contentType || version !== DOCS_ASSETS_VERSION) return null;
  return { body: await readFile(path.join(getAbsoluteFSPath(), file)), contentType };
}

/** `nonce`: the page's CSP nonce (proxy.ts), which its three scripts must carry. */
export function docsPageHtml(specUrl: string, nonce = ""): string {
  const nonceAttribute = /^[A-Za-z0-9+/=]+$/.test(nonce) ? ` nonce="${nonce}"` : "";
  const config = JSON.stringify({
    url: specUrl,
    dom_id: "#docs",
    deepLinking: true,
    validatorUrl: null,
    tryItOutEnabled: false,
    persistAuthorization: false,
  });
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Hookline API</title>
  <script${nonceAttribute}>${themeScript(["dark", "dark-mode"])}</script>
  <link rel="stylesheet" href="${assetUrl("swagger-ui.css")}">
  <link rel="preload" href="${specUrl}" as="fetch" crossorigin="anonymous">
  <style>body { margin: 0 } .topbar { display: none }</style>
</head>
<body>
  <div id="docs"></div>
  <script src="${assetUrl("swagger-ui-bundle.js")}"${nonceAttribute}></script>
  <script${nonceAttribute}>window.ui = SwaggerUIBundle(${config});</script>
</body>
</html>`;
}
