// Every curl example in README.md and docs/*.md, run as written against a freshly seeded demo
// instance (`npm run seed:demo`'s data): each must answer the status its `# 201 …` comment
// promises, or a 2xx when it promises none. The examples are read from the files on every run
// (test/helpers/doc-examples.ts), so one added later is covered too. The request goes to the
// route handler its path names, as Next would route it (host and port of the example aside).
//
// Variables an example may use: $TENANT (the demo tenant), $API_KEY (the demo tenant's key, as
// `npm run seed:demo` prints it), $HOOKLINE_ADMIN_API_KEY and $PLATFORM_KEY (a platform-wide
// key). `tnt_…` in a body stands for the demo tenant, as a reader would fill it in.
process.env.HOOKLINE_API_RATE_LIMIT = "0";

import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { seedDemo, type DemoSeedResult } from "@/lib/demo/seed-demo";
import { reloadEnv } from "@/lib/env";
import { useTestDatabase } from "../../helpers/database";
import { allCurlExamples, DOC_FILES, LITERAL_DOLLAR, type CurlExample } from "../../helpers/doc-examples";

type Handler = (request: NextRequest, context: { params: Promise<Record<string, unknown>> }) => Promise<Response>;
type RouteModule = Partial<Record<string, Handler>>;

const ROUTES = Object.entries(import.meta.glob<RouteModule>("/app/api/**/route.ts")).map(([file, load]) => ({
  segments: file
    .replace(/^\/app/, "")
    .replace(/\/route\.ts$/, "")
    .split("/")
    .filter(Boolean),
  load,
}));

/** The route file Next would pick for a path: literal segments win over parameters, catch-alls last. */
function resolveRoute(pathname: string) {
  const parts = pathname.split("/").filter(Boolean).map(decodeURIComponent);
  const matches = ROUTES.flatMap((route) => {
    const params: Record<string, string | string[]> = {};
    let score = 0;
    for (let index = 0; index < route.segments.length; index++) {
      const segment = route.segments[index]!;
      const catchAll = /^\[\[?\.\.\.(\w+)\]\]?$/.exec(segment);
      if (catchAll) {
        if (index !== route.segments.length - 1) return [];
        params[catchAll[1]!] = parts.slice(index);
        return [{ route, params, score: score - 1_000 }];
      }
      const part = parts[index];
      if (part === undefined) return [];
      const param = /^\[(\w+)\]$/.exec(segment);
      if (param) params[param[1]!] = part;
      else if (segment === part) score += 2 ** (route.segments.length - index);
      else return [];
    }
    return parts.length === route.segments.length ? [{ route, params, score }] : [];
  });
  return matches.sort((a, b) => b.score - a.score)[0];
}

describe("API examples in README.md and docs/*.md", () => {
  useTestDatabase();
  const adminKey = "docs-examples-admin-key-0123456789";
  let demo: DemoSeedResult;
  const examples = allCurlExamples();

  beforeAll(async () => {
    process.env.HOOKLINE_ADMIN_API_KEY = adminKey;
    reloadEnv();
    demo = await seedDemo({ publicUrl: "http://localhost:3000" });
  }, 180_000);

  function fill(text: string, where: string): string {
    const variables: Record<string, string> = {
      TENANT: demo.tenant.id,
      API_KEY: demo.apiKey,
      HOOKLINE_ADMIN_API_KEY: adminKey,
      PLATFORM_KEY: adminKey,
    };
    return text
      .replace(/\$\{?(\w+)\}?/g, (_, name: string) => {
        const value = variables[name];
        if (value === undefined) throw new Error(`${where}: unknown variable $${name} (see this test's header)`);
        return value;
      })
      .replaceAll("tnt_…", demo.tenant.id)
      .replaceAll(LITERAL_DOLLAR, "$");
  }

  async function run(example: CurlExample): Promise<{ status: number; body: string }> {
    const url = fill(example.url, example.where);
    const at = url.indexOf("/api/");
    if (at < 0) throw new Error(`${example.where}: ${url} is not an API URL`);
    const target = new URL(url.slice(at), "http://localhost:3000");
    const match = resolveRoute(target.pathname);
    if (!match) throw new Error(`${example.where}: no route for ${target.pathname}`);
    const handler = (await match.route.load())[example.method];
    if (!handler) throw new Error(`${example.where}: ${target.pathname} has no ${example.method}`);
    const headers = Object.fromEntries(
      Object.entries(example.headers).map(([name, value]) => [name, fill(value, example.where)]),
    );
    const request = new NextRequest(target, {
      method: example.method,
      headers,
      body: example.body === undefined ? undefined : fill(example.body, example.where),
    });
    const response = await handler(request, { params: Promise.resolve(match.params) });
    return { status: response.status, body: await response.text() };
  }

  it("should find the examples of every guide that has some", () => {
    const files = new Set(examples.map((example) => example.where.split(":")[0]));
    expect(files).toEqual(new Set(["README.md", "docs/PORTAL.md"]));
    expect(DOC_FILES).toContain("docs/DEPLOYMENT.md");
    expect(examples.length).toBeGreaterThanOrEqual(8);
    expect(examples.find((example) => example.body?.includes('"invoice.paid"'))).toMatchObject({
      method: "POST",
      expectedStatus: 202,
      headers: { "idempotency-key": "order-42-paid" },
    });
  });

  it.each(examples.map((example) => ({ where: example.where, example })))(
    "should answer $where as it says",
    async ({ example }) => {
      const { status, body } = await run(example);
      if (example.expectedStatus === null) expect(status, body).toBeGreaterThanOrEqual(200);
      if (example.expectedStatus === null) expect(status, body).toBeLessThan(300);
      else expect(status, body).toBe(example.expectedStatus);
    },
  );
});
