// GET /docs/assets/:version/:file – Swagger UI's script and stylesheet, from node_modules/swagger-ui-dist
import { readDocsAsset } from "@/lib/docs/docs-page";

export async function GET(_request: Request, context: { params: Promise<{ version: string; file: string }> }) {
  const { version, file } = await context.params;
  const asset = await readDocsAsset(version, file);
  if (!asset) return new Response("Not found", { status: 404 });
  return new Response(new Uint8Array(asset.body), {
    headers: {
      "content-type": asset.contentType,
      // The URL names the package version, so its bytes never change: a browser keeps them for a
      // year without asking again, and an upgrade changes the URL.
      "cache-control": "public, max-age=31536000, immutable",
    },
  });
}
