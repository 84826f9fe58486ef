// GET /docs/assets/:file – Swagger UI's script and stylesheet, from node_modules/swagger-ui-dist
import { readDocsAsset } from "@/lib/docs/docs-page";

export async function GET(_request: Request, context: { params: Promise<{ file: string }> }) {
  const asset = await readDocsAsset((await context.params).file);
  if (!asset) return new Response("Not found", { status: 404 });
  return new Response(new Uint8Array(asset.body), {
    headers: { "content-type": asset.contentType, "cache-control": "public, max-age=3600" },
  });
}
