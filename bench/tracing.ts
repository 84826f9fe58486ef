// (12) What OpenTelemetry costs the worker: the same backlog drained with tracing off and on
// (OTLP over HTTP, JSON, to a collector on loopback inside this process, which counts the spans
// it is sent), alternated off, on, off, on so that the drift of a shared machine falls on both.
// Tracing on uses a batch span processor tuned for a busy worker (a bigger queue, exports every
// second): with the SDK's defaults (2,048 queued spans, exported every 5 s) a worker delivering
// over ~400/s drops spans, which the "spans received" row would show.
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { endpointUrls } from "./delivery-throughput";
import { dataset, drain, type DrainResult } from "./lib/datasets";
import type { BenchContext } from "./lib/context";
import type { BenchOutcome, Row } from "./lib/report";

interface OtlpJson {
  resourceSpans?: Array<{ scopeSpans?: Array<{ spans?: Array<{ name?: string }> }> }>;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** An OTLP/HTTP JSON trace receiver on 127.0.0.1 counting spans by name. */
async function startCollector() {
  const spans = new Map<string, number>();
  const server = createServer((request, response) => {
    void readBody(request).then((text) => {
      const body = JSON.parse(text) as OtlpJson;
      for (const resource of body.resourceSpans ?? [])
        for (const scope of resource.scopeSpans ?? [])
          for (const span of scope.spans ?? []) spans.set(span.name ?? "", (spans.get(span.name ?? "") ?? 0) + 1);
      response.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    take() {
      const counted = Object.fromEntries(spans);
      spans.clear();
      return counted;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

export async function tracing(ctx: BenchContext): Promise<BenchOutcome> {
  const data = await dataset(ctx, "tracing", ctx.quick ? 2_000 : 20_000, endpointUrls(ctx, 1));
  const collector = await startCollector();
  const runs: Record<"off" | "on", DrainResult[]> = { off: [], on: [] };
  const spans: Array<Record<string, number>> = [];
  try {
    for (const mode of ["off", "on", "off", "on"] as const) {
      const env: Record<string, string> =
        mode === "on"
          ? {
              OTEL_EXPORTER_OTLP_ENDPOINT: collector.url,
              OTEL_EXPORTER_OTLP_PROTOCOL: "http/json",
              OTEL_BSP_MAX_QUEUE_SIZE: "65536",
              OTEL_BSP_MAX_EXPORT_BATCH_SIZE: "4096",
              OTEL_BSP_SCHEDULE_DELAY: "1000",
            }
          : {};
      ctx.log(`  draining ${data.deliveries.toLocaleString("en-US")} deliveries, tracing ${mode}`);
      runs[mode].push(await drain(ctx, data, 1, env));
      // The worker flushes its spans when it stops (drain stops it before returning).
      if (mode === "on") spans.push(collector.take());
    }
  } finally {
    await collector.close();
  }
  const cpu = {
    off: mean(runs.off.map((run) => run.workerCpuSecondsPer1000)),
    on: mean(runs.on.map((run) => run.workerCpuSecondsPer1000)),
  };
  const rate = {
    off: mean(runs.off.map((run) => run.deliveriesPerSecond)),
    on: mean(runs.on.map((run) => run.deliveriesPerSecond)),
  };
  const deliverSpans = spans.map((counted) => counted.deliver ?? 0);
  const label = `${data.deliveries.toLocaleString("en-US")} msgs × 1 endpoint, 1 worker`;
  const rows: Row[] = [
    {
      bench: "12 tracing",
      name: `worker CPU per 1,000 deliveries, tracing off (${label})`,
      value: cpu.off,
      unit: "CPU s",
      note: `runs: ${runs.off.map((run) => run.workerCpuSecondsPer1000.toFixed(3)).join(", ")}`,
    },
    {
      bench: "12 tracing",
      name: `worker CPU per 1,000 deliveries, tracing on (${label})`,
      value: cpu.on,
      unit: "CPU s",
      note: `${(100 * (cpu.on / cpu.off - 1)).toFixed(0)} % over off; runs: ${runs.on.map((run) => run.workerCpuSecondsPer1000.toFixed(3)).join(", ")}`,
    },
    {
      bench: "12 tracing",
      name: "deliveries/s, tracing off → on",
      value: rate.on,
      unit: "deliveries/s",
      note: `off ${Math.round(rate.off).toLocaleString("en-US")}/s (wall clock: moves with the machine's load)`,
    },
    {
      bench: "12 tracing",
      name: "deliver spans received per run (tracing on)",
      value: mean(deliverSpans),
      unit: "spans",
      note: `of ${data.deliveries.toLocaleString("en-US")} tries each; runs: ${deliverSpans.join(", ")}`,
    },
  ];
  return { rows, details: { runs, spans } };
}
