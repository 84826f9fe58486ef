// GET /docs – the API reference (Swagger UI over /api/v1/openapi.json, no CDN)
import { docsPageHtml } from "@/lib/docs/docs-page";

export const dynamic = "force-static";

export function GET() {
  return new Response(docsPageHtml("/api/v1/openapi.json"), { headers: { "content-type": "text/html; charset=utf-8" } });
}
