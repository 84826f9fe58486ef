// Receivers that misbehave at the TCP and HTTP level: never answer, answer one byte per second,
// reset the connection, send 50 MB, or do not speak HTTP. Timeouts and the body cap hold, the
// worker's memory stays bounded, and a healthy endpoint's deliveries keep flowing meanwhile.
import { readFileSync } from "node:fs";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEndpoint } from "@/lib/endpoints/create-endpoint";
import { createEventType } from "@/lib/event-types/create-event-type";
import { db } from "@/lib/db";
import { newId } from "@/lib/ids";
import { publishMessages } from "@/lib/messages/publish-messages";
import { startReceiver, type Receiver } from "../helpers/receiver";
import { spawnWorker } from "../helpers/worker-process";
import { expectSettled, startCluster, type Cluster } from "./cluster";

type Misbehaviour = (socket: net.Socket) => void;

const MISBEHAVIOURS: Record<string, Misbehaviour> = {
  hang: () => undefined,
  trickle: (socket) => {
    socket.write("HTTP/1.1 200 OK\r\ncontent-length: 100000\r\n\r\n");
    const timer = setInterval(() => (socket.destroyed ? clearInterval(timer) : socket.write("x")), 1_000);
  },
  reset: (socket) => socket.resetAndDestroy(),
  huge: (socket) => {
    socket.write(`HTTP/1.1 200 OK\r\ncontent-length: ${50 * 1024 * 1024}\r\n\r\n`);
    const chunk = Buffer.alloc(64 * 1024, "y");
    let sent = 0;
    const pump = () => {
      while (!socket.destroyed && sent < 50 * 1024 * 1024) {
        sent += chunk.length;
        if (!socket.write(chunk)) return void socket.once("drain", pump);
      }
    };
    pump();
  },
  garbage: (socket) => socket.end("this is not HTTP at all\r\n\r\n"),
};

function rawServer(misbehave: Misbehaviour): Promise<{ port: number; close(): void }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("error", () => undefined);
    socket.once("data", () => misbehave(socket));
    socket.on("close", () => sockets.delete(socket));
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({
        port: (server.address() as net.AddressInfo).port,
        close: () => {
          for (const socket of sockets) socket.destroy();
          server.close();
        },
      }),
    ),
  );
}

function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8")
    .split("\n")
    .find((entry) => entry.startsWith("VmRSS:"));
  return Number(line?.split(/\s+/)[1] ?? 0) / 1024;
}

describe("hostile receivers", () => {
  let cluster: Cluster;
  let receiver: Receiver;
  const servers: Array<{ close(): void }> = [];

  beforeAll(async () => {
    cluster = await startCluster();
    receiver = await startReceiver();
  });
  afterAll(async () => {
    for (const server of servers) server.close();
    await receiver.close();
    await cluster.destroy();
  });

  it("should contain every misbehaving receiver and keep the healthy one flowing", async () => {
    const tenantId = (await db().tenant.create({ data: { id: newId("tenant"), name: "hostile" } })).id;
    await createEventType({ name: "hostile.test" });
    await createEventType({ name: "healthy.test" });
    const endpoints: Record<string, string> = {};
    for (const [name, misbehave] of Object.entries(MISBEHAVIOURS)) {
      const server = await rawServer(misbehave);
      servers.push(server);
      endpoints[name] = (
        await createEndpoint(null, tenantId, {
          url: `http://127.0.0.1:${server.port}/${name}`,
          eventTypes: ["hostile.test"],
          timeoutMs: 1_500,
        })
      ).id;
    }
    await createEndpoint(null, tenantId, { url: receiver.url("/healthy"), eventTypes: ["healthy.test"] });

    const worker = await spawnWorker(cluster.url, { HOOKLINE_RETRY_SCHEDULE: "100ms" });
    let peakRss = rssMb(worker.child.pid!);
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssMb(worker.child.pid!))), 100);

    await publishMessages(
      tenantId,
      Array.from({ length: 10 }, (_, n) => ({ eventType: "hostile.test", payload: { n } })),
    );
    await new Promise((resolve) => setTimeout(resolve, 300)); // the hostile ones are in flight now
    const started = Date.now();
    for (let batch = 0; batch < 5; batch++) {
      await publishMessages(
        tenantId,
        Array.from({ length: 100 }, (_, n) => ({ eventType: "healthy.test", payload: { batch, n } })),
      );
    }
    await receiver.waitFor(500, "/healthy", 15_000);
    const healthyMs = Date.now() - started;

    await expectSettled(cluster, { allowFailed: true, timeoutMs: 60_000 });
    clearInterval(sampler);

    const kinds = await cluster.query<{
      endpoint_id: string;
      error_kind: string | null;
      response_status: number | null;
      max_ms: number;
      max_body: number;
    }>(
      `SELECT endpoint_id, error_kind, response_status, max(duration_ms)::int AS max_ms, max(length(coalesce(response_body, '')))::int AS max_body
         FROM attempts GROUP BY 1, 2, 3`,
    );
    const of = (name: string) => kinds.filter((row) => row.endpoint_id === endpoints[name]);
    expect(of("hang")).toEqual([expect.objectContaining({ error_kind: "timeout", response_status: null })]);
    expect(of("hang")[0]!.max_ms).toBeLessThan(3_000);
    // Headers arrived (200), then the body trickled: the timeout cut it, the status stands.
    expect(of("trickle")).toEqual([expect.objectContaining({ error_kind: null, response_status: 200 })]);
    expect(of("trickle")[0]!.max_ms).toBeLessThan(3_000);
    expect(of("reset")).toEqual([expect.objectContaining({ error_kind: "connection_reset", response_status: null })]);
    expect(of("huge")).toEqual([expect.objectContaining({ error_kind: null, response_status: 200 })]);
    expect(of("huge")[0]!.max_body).toBeLessThanOrEqual(4_096);
    expect(of("garbage")).toEqual([expect.objectContaining({ error_kind: "invalid_response", response_status: null })]);

    console.info(
      `hostile receivers: healthy endpoint got 500 deliveries in ${healthyMs} ms; worker peak RSS ${Math.round(peakRss)} MB`,
    );
    expect(healthyMs).toBeLessThan(5_000);
    expect(peakRss).toBeLessThan(300);
  });
});
