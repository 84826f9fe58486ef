// /docs and its assets: Swagger UI's files at versioned URLs, cached for good; nothing else of
// the package (or of the disk) is served, and an old version's URL is a 404.
import { describe, expect, it } from "vitest";
import { GET as assetRoute } from "@/app/docs/assets/[version]/[file]/route";
import { GET as docsRoute } from "@/app/docs/route";
import { DOCS_ASSETS_VERSION } from "@/lib/docs/docs-page";

const asset = (version: string, file: string) =>
  assetRoute(new Request(`http://localhost/docs/assets/${version}/${file}`), {
    params: Promise.resolve({ version, file }),
  });

describe("API docs assets", () => {
  it("should link the page's script and stylesheet at the installed version, and preload the spec", async () => {
    const html = await (await docsRoute(new Request("http://localhost/docs"))).text();
    expect(DOCS_ASSETS_VERSION).toMatch(/^\d+\.\d+\.\d+/);
    expect(html).toContain(`src="/docs/assets/${DOCS_ASSETS_VERSION}/swagger-ui-bundle.js"`);
    expect(html).toContain(`href="/docs/assets/${DOCS_ASSETS_VERSION}/swagger-ui.css"`);
    expect(html).toContain('<link rel="preload" href="/api/v1/openapi.json" as="fetch"');
  });

  it.each([
    { file: "swagger-ui-bundle.js", type: "text/javascript" },
    { file: "swagger-ui.css", type: "text/css" },
  ])("should serve $file as immutable for a year", async ({ file, type }) => {
    const response = await asset(DOCS_ASSETS_VERSION, file);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain(type);
    expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(1_000);
  });

  it.each([
    { name: "an older version", version: "1.0.0", file: "swagger-ui-bundle.js" },
    { name: "another file of the package", version: DOCS_ASSETS_VERSION, file: "package.json" },
    { name: "a path outside it", version: DOCS_ASSETS_VERSION, file: "..%2F..%2Fpackage.json" },
    { name: "an inherited property name", version: DOCS_ASSETS_VERSION, file: "constructor" },
  ])("should answer 404 to $name", async ({ version, file }) => {
    expect((await asset(version, file)).status).toBe(404);
  });
});
