// npm run bench [-- --quick] [-- --only raw,throughput,peer,backlog,latency,ingest,queries,routing,transform,tracing,soak,purge]
// npm run bench -- --scale 10m   (queries at scale only, with a 10M-message tenant: see docs/BENCHMARKS.md)
// Runs every benchmark in bench/ against one throwaway PostgreSQL and one receiver process,
// prints the table (targets beside the figures, judged, never asserted) and writes
// bench/results/<timestamp>.json (every figure, EXPLAIN plans, machine, load average) and a
// Markdown copy of the table for docs/BENCHMARKS.md. All traffic stays on 127.0.0.1.
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: { quick: { type: "boolean", default: false }, only: { type: "string" }, scale: { type: "string" } },
  allowPositionals: false,
});
const quick = values.quick!;

/** `--scale 10m` (or 1m, 500k…): the message count of the queries-at-scale big tenant. */
function parseScale(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const match = /^(\d+(?:\.\d+)?)([km])$/i.exec(text.trim());
  const count = match ? Math.round(Number(match[1]) * (match[2]!.toLowerCase() === "m" ? 1e6 : 1e3)) : NaN;
  if (!(count >= 10_000 && count <= 100_000_000)) {
    process.stderr.write(`--scale ${text}: expected a message count from 10k to 100m, such as 1m or 10m\n`);
    process.exit(2);
  }
  if (quick) {
    process.stderr.write("--scale and --quick do not go together\n");
    process.exit(2);
  }
  return count;
}
const scale = parseScale(values.scale);

// Settings for this process's lib/ calls and, inherited, for every worker and web process.
Object.assign(process.env, {
  NODE_ENV: "production",
  HOOKLINE_ALLOW_PRIVATE_NETWORKS: "true",
  HOOKLINE_API_RATE_LIMIT: "0",
  LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
  LOG_FORMAT: "json",
  HOOKLINE_ENCRYPTION_KEY: process.env.HOOKLINE_ENCRYPTION_KEY ?? randomBytes(32).toString("hex"),
});

const {
  ensureWebBuild,
  loadAverage,
  machine,
  ROOT,
  startPostgres,
  startReceiverProcess,
  switchDatabase,
  webBuildState,
} = await import("./lib/harness");
const { markdownTable, met, textTable } = await import("./lib/report");
type Row = import("./lib/report").Row;
type BenchOutcome = import("./lib/report").BenchOutcome;
type BenchContext = import("./lib/context").BenchContext;

const benches: Array<[string, string, () => Promise<(ctx: BenchContext) => Promise<BenchOutcome>>]> = [
  ["raw", "1 raw ceiling", async () => (await import("./raw-ceiling")).rawCeiling],
  ["throughput", "2 e2e throughput", async () => (await import("./delivery-throughput")).deliveryThroughput],
  ["peer", "3 peer baseline", async () => (await import("./graphile-baseline")).graphileBaseline],
  ["backlog", "6 backlog & growth", async () => (await import("./backlog")).backlog],
  ["latency", "4 latency", async () => (await import("./latency")).latency],
  ["ingest", "5 ingest", async () => (await import("./ingest")).ingest],
  ["queries", "7 queries at scale", async () => (await import("./queries")).queries],
  ["routing", "10 routing", async () => (await import("./routing")).routing],
  ["transform", "11 transformations", async () => (await import("./transformations")).transformations],
  ["tracing", "12 tracing", async () => (await import("./tracing")).tracing],
  ["soak", "9 soak", async () => (await import("./soak")).soak],
  ["purge", "13 purge", async () => (await import("./purge")).purge],
];
/** Long runs that only `--only` asks for (the soak: 20 minutes; the purge: a few GB written). */
const OPT_IN = new Set(["soak", "purge"]);
/** A --scale run measures the queries at scale alone unless --only names more. */
const only = values.only?.split(",").map((name) => name.trim()) ?? (scale ? ["queries"] : undefined);
const startedAt = new Date();
const clock = performance.now();
const log = (line: string) =>
  process.stdout.write(`[bench ${((performance.now() - clock) / 1000).toFixed(0).padStart(4)} s] ${line}\n`);
const loadBefore = loadAverage();
const mode = quick ? "quick" : scale ? `--scale ${values.scale}` : "full";
log(`${mode} run; load average ${loadBefore.join(", ")} on ${machine().cpus} CPUs`);

// The web benchmarks need a production build in .next-bench. A full run builds it when the
// sources changed; a quick run builds it only when there is none (a fresh clone), and otherwise
// uses whatever build is there, current or not, to stay quick.
const needsWeb = !only || only.includes("latency") || only.includes("ingest") || only.includes("soak");
let webNote = "";
let webAvailable = false;
if (needsWeb) {
  const state = quick ? await webBuildState() : undefined;
  if (state?.exists) {
    webNote = state.current ? "current build" : "build in .next-bench is older than the sources";
  } else {
    const building = performance.now();
    await ensureWebBuild(log);
    webNote = `build ready in ${((performance.now() - building) / 1000).toFixed(0)} s`;
  }
  webAvailable = true;
  log(`web: ${webNote}`);
}

// A --scale run loads tens of GB: with wal_level=minimal the generator's one transaction, which
// starts with TRUNCATE, writes its rows without WAL; index builds get room; checkpoints are rare.
const postgres = await startPostgres(
  scale
    ? [
        "wal_level=minimal",
        "max_wal_senders=0",
        "max_wal_size=4GB",
        "checkpoint_timeout=30min",
        "max_parallel_maintenance_workers=2",
      ]
    : [],
);
// Ctrl-C or a kill: stop the server and remove its data directory (tens of GB at --scale 10m).
// The run's own flow then stops where it is (no results file), and its clients' errors on the
// closing connections are expected, not a reason to exit before the directory is gone.
const started: { receiver?: Awaited<ReturnType<typeof startReceiverProcess>>; stopping?: string } = {};
const parkIfStopping = () => (started.stopping ? new Promise<never>(() => undefined) : undefined);
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.once(signal, () => {
    started.stopping = signal;
    process.on("uncaughtException", () => undefined);
    log(`${signal}: stopping PostgreSQL and removing ${postgres.dir}`);
    void Promise.allSettled([started.receiver?.stop(), postgres.stop()]).then(() => process.exit(130));
  });
const receiver = await startReceiverProcess(1_000);
started.receiver = receiver;
process.env.DATABASE_URL = postgres.adminUrl;
const ctx: BenchContext = { quick, scale, postgres, receiver, reference: {}, webAvailable, log };
const rows: Row[] = [];
const details: Record<string, unknown> = {};
try {
  for (const [key, title, load] of benches) {
    if (only ? !only.includes(key) : OPT_IN.has(key)) continue;
    log(`${title}…`);
    const benchStarted = performance.now();
    try {
      const outcome = await (await load())(ctx);
      rows.push(...outcome.rows);
      details[key] = { seconds: (performance.now() - benchStarted) / 1000, ...outcome.details };
    } catch (error) {
      await parkIfStopping();
      log(`${title} failed: ${(error as Error).stack ?? String(error)}`);
      rows.push({ bench: title, name: "failed", value: null, unit: "", note: (error as Error).message.slice(0, 120) });
      details[key] = { error: String(error) };
    }
    log(`${title} done in ${((performance.now() - benchStarted) / 1000).toFixed(0)} s`);
  }
  const webRss = Math.max(ctx.reference.webPeakRssLatency ?? 0, ctx.reference.webPeakRssIngest ?? 0);
  if (webRss)
    rows.push({
      bench: "8 footprint",
      name: "web peak RSS (latency + ingest runs)",
      value: webRss / 2 ** 20,
      unit: "MB",
    });
  const loadAfter = loadAverage();
  const seconds = (performance.now() - clock) / 1000;
  const table = textTable(rows);
  process.stdout.write(`\n${table}\n\n`);
  const verdicts = rows.map(met).filter((verdict) => verdict !== undefined);
  log(
    `${mode} run finished in ${(seconds / 60).toFixed(1)} min; targets met ${verdicts.filter(Boolean).length}/${verdicts.length}; load average before ${loadBefore.join(", ")}, after ${loadAfter.join(", ")}`,
  );

  const stamp = startedAt.toISOString().replaceAll(":", "-");
  const resultsDir = path.join(ROOT, "bench/results");
  mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `${stamp}${quick ? "-quick" : scale ? `-scale-${values.scale}` : ""}.json`);
  writeFileSync(
    file,
    `${JSON.stringify({ startedAt, quick, scale, seconds, machine: machine(), loadAverage: { before: loadBefore, after: loadAfter }, web: webNote, reference: ctx.reference, rows, details }, null, 2)}\n`,
  );
  writeFileSync(file.replace(/\.json$/, ".md"), `${markdownTable(rows)}\n`);
  log(`results: ${path.relative(ROOT, file)} (table as Markdown beside it)`);
} finally {
  if (process.env.BENCH_HOLD) {
    // Development: keep the server and the generated data to re-measure a query against them.
    // Set only by hand; without it, the run always removes the data directory.
    log(`BENCH_HOLD: PostgreSQL stays up at ${postgres.adminUrl.replace(/\/postgres$/, "/queries")} until Ctrl-C`);
    await new Promise(() => undefined);
  }
  const { closeDb } = await import("../lib/db");
  await switchDatabase(postgres.adminUrl);
  await closeDb();
  await receiver.stop();
  await postgres.stop();
}

process.exit(0);
