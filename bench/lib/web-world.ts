// A database with one tenant, the benchmark event type and `endpoints` endpoints at the
// receiver, and the web process serving it with a platform API key (the typed client and
// autocannon authenticate with it). The API rate limiter is off (BENCH_ENV).
import { randomBytes } from "node:crypto";
import { createHooklineClient } from "../../client/hookline-client";
import { EVENT_TYPE, type BenchContext } from "./context";
import { samplePeakRss, startWeb, switchDatabase, type Web } from "./harness";

export interface WebWorld {
  databaseUrl: string;
  tenantId: string;
  apiKey: string;
  web: Web;
  hookline: ReturnType<typeof createHooklineClient>;
  /** Peak RSS of the web process tree since start. */
  webPeakRss(): number;
  stop(): Promise<void>;
}

export async function startWebWorld(ctx: BenchContext, name: string, urls: readonly string[]): Promise<WebWorld> {
  const databaseUrl = await ctx.postgres.createDatabase(name);
  await switchDatabase(databaseUrl);
  const { db } = await import("../../lib/db");
  const { createEndpoint } = await import("../../lib/endpoints/create-endpoint");
  const { createEventType } = await import("../../lib/event-types/create-event-type");
  const tenant = await db().tenant.create({ data: { id: "tnt_01BENCHWEB0000000000000000", name: "bench" } });
  await createEventType({ name: EVENT_TYPE });
  for (const url of urls) await createEndpoint(null, tenant.id, { url });
  await switchDatabase(ctx.postgres.adminUrl);
  const apiKey = `bench_${randomBytes(16).toString("hex")}`;
  const web = await startWeb(databaseUrl, { HOOKLINE_ADMIN_API_KEY: apiKey });
  const rss = samplePeakRss(web.pid, 500);
  return {
    databaseUrl,
    tenantId: tenant.id,
    apiKey,
    web,
    hookline: createHooklineClient({ baseUrl: web.url, apiKey }),
    webPeakRss: () => rss.peak(),
    async stop() {
      rss.stop();
      await web.stop();
      await ctx.postgres.dropDatabase(name);
    },
  };
}
