// PostgreSQL goes away during delivery and comes back: web and worker reconnect by themselves
// (no process exits), /api/health says 503 while it is down, publishes fail cleanly with 503
// (never a 202 for a message that was not stored), and every accepted message is delivered.
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEndpoint } from "@/lib/endpoints/create-endpoint";
import { createEventType } from "@/lib/event-types/create-event-type";
import { db } from "@/lib/db";
import { newId } from "@/lib/ids";
import { freePort } from "@/server/ports";
import { groupMembers, startHookline, type Hookline } from "../helpers/hookline-process";
import { startReceiver, type Receiver } from "../helpers/receiver";
import { eventually } from "../helpers/worker";
import { ADMIN_KEY, expectSettled, startCluster, type Cluster } from "./cluster";

describe("PostgreSQL restart during delivery", () => {
  let cluster: Cluster;
  let receiver: Receiver;
  let hookline: Hookline;
  let tenantId: string;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "hookline-restart-"));
  chmodSync(dataDir, 0o755);

  beforeAll(async () => {
    cluster = await startCluster();
    receiver = await startReceiver();
    tenantId = (await db().tenant.create({ data: { id: newId("tenant"), name: "restart" } })).id;
    await createEventType({ name: "restart.test" });
    await createEndpoint(null, tenantId, { url: receiver.url("/restart"), eventTypes: ["restart.test"] });
    receiver.on("/restart", { status: 204, delayMs: 5 });
    hookline = await startHookline({
      dataDir,
      port: await freePort(),
      env: {
        DATABASE_URL: cluster.url,
        HOOKLINE_ADMIN_API_KEY: ADMIN_KEY,
        HOOKLINE_ALLOW_PRIVATE_NETWORKS: "true",
        HOOKLINE_ENCRYPTION_KEY: process.env.HOOKLINE_ENCRYPTION_KEY,
        HOOKLINE_WORKER_HEARTBEAT_MS: "500",
        HOOKLINE_POLL_INTERVAL_MS: "200",
        LOG_LEVEL: "error",
      },
    });
  });
  afterAll(async () => {
    hookline?.signalGroup("SIGINT");
    await hookline?.exited;
    await receiver.close();
    await cluster.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function publish(n: number): Promise<{ status: number; id?: string; code?: string }> {
    try {
      const response = await fetch(`${hookline.url}/api/v1/tenants/${tenantId}/messages`, {
        method: "POST",
        headers: { authorization: `Bearer ${ADMIN_KEY}`, "content-type": "application/json" },
        body: JSON.stringify({ eventType: "restart.test", payload: { n } }),
        signal: AbortSignal.timeout(15_000),
      });
      const body = (await response.json()) as { id?: string; error?: { code: string } };
      return { status: response.status, id: body.id, code: body.error?.code };
    } catch {
      return { status: 0 };
    }
  }

  const health = async () => (await fetch(`${hookline.url}/api/health`)).status;

  it("should answer 503 while the database is down and deliver every accepted message after", async () => {
    const processesBefore = await groupMembers(hookline.child.pid!);
    const results: Array<{ status: number; id?: string; code?: string }> = [];
    let publishing = true;
    const publisher = (async () => {
      for (let n = 0; publishing; n++) {
        results.push(await publish(n));
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();

    await eventually(
      () => (results.filter((result) => result.status === 202).length >= 50 ? true : undefined),
      30_000,
      "publishes before the outage",
    );
    await cluster.stopDatabase();
    await eventually(async () => ((await health()) === 503 ? true : undefined), 10_000, "health to report 503");
    const beforeOutage = results.length;
    await eventually(
      () => (results.slice(beforeOutage).some((result) => result.status === 503) ? true : undefined),
      15_000,
      "a publish to fail with 503",
    );
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    await cluster.startDatabase();
    await eventually(async () => ((await health()) === 200 ? true : undefined), 30_000, "health to recover");
    const afterOutage = results.length;
    await eventually(
      () => (results.slice(afterOutage).filter((result) => result.status === 202).length >= 50 ? true : undefined),
      30_000,
      "publishes after the outage",
    );
    publishing = false;
    await publisher;

    // Every answer was a 202 (stored) or a clean 503 with the error shape; nothing else.
    const statuses = new Set(results.map((result) => result.status));
    if (statuses.has(500))
      console.info(
        hookline
          .output()
          .split("\n")
          .filter((line) => line.includes("unhandled"))
          .slice(0, 3)
          .join("\n"),
      );
    expect([...statuses].sort()).toEqual([202, 503]);
    expect(results.filter((result) => result.status === 503).every((result) => result.code === "unavailable")).toBe(
      true,
    );

    const accepted = results.filter((result) => result.status === 202).map((result) => result.id!);
    const stored = await cluster.query<{ id: string }>(`SELECT id FROM messages WHERE id = ANY($1)`, [accepted]);
    expect(stored).toHaveLength(accepted.length);
    await eventually(
      () =>
        new Set(receiver.at("/restart").map((request) => request.headers["webhook-id"])).size >= accepted.length
          ? true
          : undefined,
      60_000,
      "every accepted message delivered",
    );
    const delivered = new Set(receiver.at("/restart").map((request) => request.headers["webhook-id"]));
    for (const id of accepted) expect(delivered.has(id)).toBe(true);
    await expectSettled(cluster);

    // No process exited or was restarted.
    expect(hookline.child.exitCode).toBeNull();
    expect(await groupMembers(hookline.child.pid!)).toEqual(processesBefore);
    console.info(
      `restart: ${accepted.length} accepted, ${results.filter((result) => result.status === 503).length} refused with 503 during the outage`,
    );
  });
});
