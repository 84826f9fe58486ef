// GET /docs – the API reference (Swagger UI over /api/v1/openapi.json, no CDN)
import { docsPageHtml } from "@/lib/docs/docs-page";

// Per request: its scripts carry the nonce of the page's Content-Security-Policy (proxy.ts).
export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return new Response(docsPageHtml("/api/v1/openapi.json", request.headers.get("x-nonce") ?? ""), {
    headers: { "content-type": "text/html; charset=utf-8" },
  });
}
