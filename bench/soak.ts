// (9) Soak: the whole stack as `npm start` runs it (scripts/start.ts: web + worker, supervised,
// against the benchmark's PostgreSQL through DATABASE_URL) under a steady publish load over HTTP
// for a long time; every 10 s the RSS and open file descriptors of the web and worker processes
// are sampled. A leak shows as growth after the warm-up (the first quarter, at most 2 min). Not in
// a plain `npm run bench` (20 minutes): `npm run bench -- --only soak`; HOOKLINE_SOAK_MINUTES
// (default 20, quick 1) and HOOKLINE_SOAK_RATE (messages/s, default 200) change its size.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Pool } from "undici";
import { EVENT_TYPE, PAYLOAD, type BenchContext } from "./lib/context";
import { BENCH_ENV, footprint, ROOT, sleep, switchDatabase, waitFor, WEB_DIST_DIR } from "./lib/harness";
import { summarize, type BenchOutcome, type Row } from "./lib/report";

const BENCH = "9 soak";
const SAMPLE_EVERY_MS = 10_000;

interface Sample {
  atS: number;
  webRssMb: number;
  workerRssMb: number;
  webFds: number;
  workerFds: number;
  published: number;
  delivered: number;
}

const openFds = (pid: number) => {
  try {
    return readdirSync(`/proc/${pid}/fd`).length;
  } catch {
    return Number.NaN;
  }
};

/** Least-squares slope of y over x. */
function slope(points: ReadonlyArray<[number, number]>): number {
  const n = points.length;
  if (n < 2) return Number.NaN;
  const meanX = points.reduce((sum, [x]) => sum + x, 0) / n;
  const meanY = points.reduce((sum, [, y]) => sum + y, 0) / n;
  const num = points.reduce((sum, [x, y]) => sum + (x - meanX) * (y - meanY), 0);
  const den = points.reduce((sum, [x]) => sum + (x - meanX) ** 2, 0);
  return num / den;
}

export async function soak(ctx: BenchContext): Promise<BenchOutcome> {
  const minutes = Number(process.env.HOOKLINE_SOAK_MINUTES ?? (ctx.quick ? 1 : 20));
  const rate = Number(process.env.HOOKLINE_SOAK_RATE ?? 200);
  if (!ctx.webAvailable)
    return { rows: [{ bench: BENCH, name: "soak", value: null, unit: "", note: "skipped: no web build" }] };

  const databaseUrl = await ctx.postgres.createDatabase("bench_soak");
  await switchDatabase(databaseUrl);
  const { db } = await import("../lib/db");
  const { createEndpoint } = await import("../lib/endpoints/create-endpoint");
  const { createEventType } = await import("../lib/event-types/create-event-type");
  const tenant = await db().tenant.create({ data: { id: "tnt_01BENCHS0AK000000000000000", name: "soak" } });
  await createEventType({ name: EVENT_TYPE });
  await createEndpoint(null, tenant.id, { url: `${ctx.receiver.url}/soak` });
  await switchDatabase(ctx.postgres.adminUrl);
  await ctx.receiver.reset();

  const dataDir = mkdtempSync(path.join(os.tmpdir(), "hookline-soak-"));
  chmodSync(dataDir, 0o755);
  const apiKey = `bench_${randomBytes(16).toString("hex")}`;
  const { freePort } = await import("../server/ports");
  const port = await freePort();
  const start = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/start.ts")], {
    cwd: ROOT,
    env: {
      ...process.env,
      ...BENCH_ENV,
      DATABASE_URL: databaseUrl,
      HOOKLINE_DATA_DIR: dataDir,
      HOOKLINE_DIST_DIR: WEB_DIST_DIR,
      HOOKLINE_ADMIN_API_KEY: apiKey,
      PORT: String(port),
    },
    detached: true,
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  start.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const { readSupervisorState } = await import("../lib/supervisor/supervisor-state");
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitFor(async () => output.includes("Hookline is running"), "npm start", 180_000, 250);
    const pidOf = (name: string) => readSupervisorState(dataDir)?.processes.find((entry) => entry.name === name)?.pid;
    const pids = { web: pidOf("web")!, worker: pidOf("worker")! };

    // Publishes at a steady rate over a small keep-alive pool (a client's CPU must not be the limit).
    const pool = new Pool(url, { connections: 16 });
    const body = JSON.stringify({ eventType: EVENT_TYPE, payload: PAYLOAD });
    const latencies: number[] = [];
    let published = 0;
    let failed = 0; // answered, but not 202, or no answer
    let skipped = 0; // never sent: 256 publishes already waited for an answer
    let inFlight = 0;
    const publishOne = async () => {
      const sent = performance.now();
      try {
        const response = await pool.request({
          path: `/api/v1/tenants/${tenant.id}/messages`,
          method: "POST",
          headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
          body,
        });
        await response.body.dump();
        if (response.statusCode === 202) published++;
        else failed++;
      } catch {
        failed++;
      }
      latencies.push(performance.now() - sent);
    };

    const samples: Sample[] = [];
    const began = performance.now();
    const sample = async () =>
      samples.push({
        atS: Math.round((performance.now() - began) / 1000),
        webRssMb: footprint(pids.web).rssBytes / 2 ** 20,
        workerRssMb: footprint(pids.worker).rssBytes / 2 ** 20,
        webFds: openFds(pids.web),
        workerFds: openFds(pids.worker),
        published,
        delivered: await ctx.receiver.received(),
      });
    await sample();
    let nextSample = began + SAMPLE_EVERY_MS;
    const durationMs = minutes * 60_000;
    const intervalMs = 1_000 / rate;
    for (let n = 0; ; n++) {
      const due = began + n * intervalMs;
      if (due - began >= durationMs) break;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      if (performance.now() >= nextSample) {
        nextSample += SAMPLE_EVERY_MS;
        void sample();
        const last = samples.at(-1)!;
        if (samples.length % 6 === 0)
          ctx.log(
            `soak ${last.atS} s: published ${last.published}, delivered ${last.delivered}, web ${last.webRssMb.toFixed(0)} MB / ${last.webFds} fds, worker ${last.workerRssMb.toFixed(0)} MB / ${last.workerFds} fds`,
          );
      }
      if (inFlight >= 256) {
        skipped++; // the stack is not keeping up: count it rather than queue without bound
        continue;
      }
      inFlight++;
      void publishOne().finally(() => inFlight--);
    }
    await waitFor(async () => inFlight === 0, "the last publishes", 60_000, 50);
    const loadSeconds = (performance.now() - began) / 1000;
    await sample();
    await waitFor(async () => (await ctx.receiver.received()) >= published, "the backlog to drain", 300_000, 250);
    await pool.close();
    const restarts = readSupervisorState(dataDir)?.processes.reduce((sum, entry) => sum + entry.restarts, 0) ?? 0;

    // Growth after the warm-up: the first quarter of the run, at most 2 minutes.
    const warmS = Math.min(120, (minutes * 60) / 4);
    const settled = samples.filter((entry) => entry.atS >= warmS);
    const first = settled[0] ?? samples[0]!;
    const last = samples.at(-1)!;
    const perTenMinutes = (pick: (entry: Sample) => number) =>
      slope(settled.map((entry) => [entry.atS, pick(entry)])) * 600;
    const latency = summarize(latencies);
    const series = (name: string, unit: string, pick: (entry: Sample) => number, digits = 0): Row[] => [
      {
        bench: BENCH,
        name: `${name}: after warm-up → end (max)`,
        value: pick(last) - pick(first),
        unit,
        note: `${pick(first).toFixed(digits)} → ${pick(last).toFixed(digits)} ${unit} (max ${Math.max(...samples.map(pick)).toFixed(digits)}); trend ${perTenMinutes(pick).toFixed(1)} ${unit} per 10 min`,
      },
    ];
    return {
      rows: [
        {
          bench: BENCH,
          name: "publishes accepted",
          value: published / loadSeconds,
          unit: "msgs/s",
          target: { op: ">=", value: rate * 0.98 },
          note: `${minutes} min at ${rate} msg/s offered; ${published} accepted, ${failed} refused or unanswered, ${skipped} not sent (256 waiting); p99 ${latency.p99.toFixed(1)} ms; all delivered; ${restarts} restarts`,
        },
        ...series("web RSS growth", "MB", (entry) => entry.webRssMb),
        ...series("worker RSS growth", "MB", (entry) => entry.workerRssMb),
        ...series("web open fds growth", "fds", (entry) => entry.webFds),
        ...series("worker open fds growth", "fds", (entry) => entry.workerFds),
      ],
      details: { minutes, rate, published, failed, skipped, restarts, latencyMs: latency, samples },
    };
  } finally {
    try {
      process.kill(-start.pid!, "SIGINT");
    } catch {
      // already gone
    }
    await new Promise((resolve) => (start.exitCode !== null ? resolve(undefined) : start.once("exit", resolve)));
    rmSync(dataDir, { recursive: true, force: true });
    await ctx.postgres.dropDatabase("bench_soak");
  }
}
