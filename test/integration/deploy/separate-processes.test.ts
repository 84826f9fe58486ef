// docs/DEPLOYMENT.md's topology: `npm run start:web` and two `npm run start:worker` as separate
// processes against one external PostgreSQL, wired up with the admin API key only.
import { describe, expect, it } from "vitest";
import { createHooklineClient } from "@/client/hookline-client";
import { createDatabase } from "../../helpers/database";
import { startReceiver } from "../../helpers/receiver";
import { liveWorkers, runScript, startWeb } from "../../helpers/web-process";

const ADMIN_KEY = "deploy-admin-key-0123456789";

describe("web and workers as separate processes", { timeout: 400_000 }, () => {
  it("should serve, publish and deliver with one web and two workers on one database, and stop cleanly", async () => {
    const database = await createDatabase({ migrated: false }); // start:web migrates it
    const receiver = await startReceiver();
    const common = {
      DATABASE_URL: database.url,
      HOOKLINE_ADMIN_API_KEY: ADMIN_KEY,
      HOOKLINE_ALLOW_PRIVATE_NETWORKS: "true",
      HOOKLINE_WORKER_HEARTBEAT_MS: "500",
    };
    const web = await startWeb(common);
    const url = web.url;
    const workers = [runScript("start:worker", common), runScript("start:worker", common)];
    await liveWorkers(url, 2);

    // Wired up as a platform backend would: the typed client and the admin key.
    const hookline = createHooklineClient({ baseUrl: url, apiKey: ADMIN_KEY });
    const tenant = await hookline.tenants.create({ name: "Deployed" });
    await hookline.eventTypes.create({ name: "deploy.test" });
    await hookline.endpoints.create(tenant.id, { url: receiver.url("/deployed") });
    for (let n = 0; n < 20; n++) {
      const published = await hookline.messages.publish(
        tenant.id,
        { eventType: "deploy.test", payload: { n } },
        { idempotencyKey: `deploy-${n}` },
      );
      expect(published.deliveries).toBe(1);
    }
    await expect(
      hookline.messages.publish(tenant.id, { eventType: "no.such.type", payload: {} }),
    ).rejects.toMatchObject({ status: 422, code: "event_type_unknown" });
    await receiver.waitFor(20, "/deployed", 30_000);

    // Those publishes took the web server's fast path (server/web-fast-path.ts); /metrics
    // is served by Next: both halves of the process count into one registry.
    const metrics = await (await fetch(`${url}/metrics`)).text();
    const count = (outcome: string) =>
      Number(
        new RegExp(`^hookline_publishes_total\\{[^}]*outcome="${outcome}"[^}]*\\} (\\d+)$`, "m").exec(metrics)?.[1],
      );
    expect({ accepted: count("accepted"), rejected: count("rejected") }).toEqual({ accepted: 20, rejected: 1 });

    for (const process of [web, ...workers]) process.child.kill("SIGTERM");
    expect(await Promise.all([web, ...workers].map((process) => process.exited))).toEqual([0, 0, 0]);
    await receiver.close();
    await database.drop();
  });
});
