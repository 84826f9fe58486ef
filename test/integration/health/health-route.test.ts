import { afterAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/health/route";
import { closeDb } from "@/lib/db";
import { reloadEnv } from "@/lib/env";
import { newId } from "@/lib/ids";
import { freePort } from "@/server/ports";
import { recordHeartbeat, recordStopped } from "@/lib/workers/heartbeat";
import { useTestDatabase } from "../../helpers/database";

describe("GET /api/health", () => {
  const url = useTestDatabase();

  it("should answer 200 degraded with no worker yet", async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: "degraded",
      database: "ok",
      worker: { lastHeartbeatAt: null, alive: 0, stale: true },
    });
  });

  it("should report the freshest worker heartbeat", async () => {
    const worker = { id: newId("worker"), version: "test", startedAt: new Date() };
    await recordHeartbeat(worker);
    const body = await (await GET()).json();
    expect(body.status).toBe("ok");
    expect(body.worker.alive).toBe(1);
    expect(body.worker.stale).toBe(false);
    expect(Date.now() - Date.parse(body.worker.lastHeartbeatAt)).toBeLessThan(10_000);

    await recordStopped(worker.id);
    const stopped = await GET();
    expect(stopped.status).toBe(200);
    const after = await stopped.json();
    expect(after.status).toBe("degraded");
    expect(after.worker.alive).toBe(0);
    expect(after.worker.lastHeartbeatAt).toBe(body.worker.lastHeartbeatAt);
  });

  describe("when the database is unreachable", () => {
    afterAll(async () => {
      await closeDb();
      process.env.DATABASE_URL = url();
      reloadEnv();
    });

    it("should answer 503 quickly instead of hanging or throwing", async () => {
      await closeDb();
      process.env.DATABASE_URL = `postgresql://nobody:nothing@127.0.0.1:${await freePort()}/none`;
      reloadEnv();
      const started = Date.now();
      const response = await GET();
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: "error", database: "unreachable", worker: null });
      expect(Date.now() - started).toBeLessThan(6_000);
    });
  });
});
