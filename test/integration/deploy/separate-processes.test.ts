// docs/DEPLOYMENT.md's topology: `npm run start:web` and two `npm run start:worker` as separate
// processes against one external PostgreSQL, wired up with the admin API key only.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createHooklineClient } from "@/client/hookline-client";
import { freePort } from "@/server/ports";
import { createDatabase } from "../../helpers/database";
import { ROOT } from "../../helpers/hookline-process";
import { startReceiver } from "../../helpers/receiver";
import { eventually } from "../../helpers/worker";

const ADMIN_KEY = "deploy-admin-key-0123456789";
const processes: Array<{ child: ChildProcess; exited: Promise<number | null> }> = [];

/** Runs an npm script's command line (`node …` from package.json) directly, without npm in between. */
function run(script: string, env: Record<string, string>) {
  const command = (
    JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }
  ).scripts[script]!;
  const [program, ...args] = command.split(" ");
  expect(program).toBe("node");
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: "production", LOG_LEVEL: "warn", LOG_FORMAT: "json", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const handle = {
    child,
    exited: new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code))),
    output: () => output,
  };
  processes.push(handle);
  return handle;
}

afterAll(async () => {
  for (const { child } of processes) if (child.exitCode === null) child.kill("SIGKILL");
});

describe("web and workers as separate processes", { timeout: 400_000 }, () => {
  it("should serve, publish and deliver with one web and two workers on one database, and stop cleanly", async () => {
    const database = await createDatabase({ migrated: false }); // start:web migrates it
    const receiver = await startReceiver();
    const port = await freePort();
    const common = {
      DATABASE_URL: database.url,
      HOOKLINE_ADMIN_API_KEY: ADMIN_KEY,
      HOOKLINE_ALLOW_PRIVATE_NETWORKS: "true",
      HOOKLINE_WORKER_HEARTBEAT_MS: "500",
    };
    const web = run("start:web", { ...common, PORT: String(port) });
    const url = `http://127.0.0.1:${port}`;
    await eventually(
      async () => ((await fetch(`${url}/api/health`).catch(() => null))?.status === 200 ? true : undefined),
      280_000,
      "the web process",
    ).catch((error: Error) => {
      throw new Error(`${error.message}\n${web.output()}`);
    });
    const workers = [run("start:worker", common), run("start:worker", common)];
    await eventually(
      async () => {
        const health = (await (await fetch(`${url}/api/health`)).json()) as { worker: { alive: number } };
        return health.worker.alive === 2 ? true : undefined;
      },
      60_000,
      "two live workers",
    );

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
