// The benchmark receiver: a minimal Node http server in its own process, answering 204 to
// everything. It listens on one main port plus `argv[2]` extra ports (distinct origins for the
// many-endpoints benchmark: distinct origins need distinct ports on 127.0.0.1), and prints
// `{"port":…,"extraPorts":[…]}` on stdout once listening.
// Commands over IPC: "stats" → {received, latencies?}, "reset", "record-latency" (from then on
// every request's body is read for the envelope's `"timestamp"` — the message's creation time —
// and arrival minus that is kept; off again after "reset"). Latency recording is off by default
// so the raw-ceiling and throughput runs measure a receiver that does nothing but answer.
import http from "node:http";

const extraPortCount = Number(process.argv[2] ?? 0);
let received = 0;
let recording = false;
let latencies = [];
const TIMESTAMP = /"timestamp":"([^"]+)"/;

function handle(request, response) {
  if (recording) {
    const chunks = [];
    request.on("data", (chunk) => chunks.push(chunk));
    request.on("end", () => {
      const arrivedAt = Date.now();
      const match = TIMESTAMP.exec(Buffer.concat(chunks).toString("utf8", 0, 256));
      if (match) latencies.push(arrivedAt - Date.parse(match[1]));
      received++;
      response.writeHead(204);
      response.end();
    });
    return;
  }
  request.resume();
  request.on("end", () => {
    received++;
    response.writeHead(204);
    response.end();
  });
}

function listen() {
  const server = http.createServer(handle);
  server.keepAliveTimeout = 60_000;
  server.maxRequestsPerSocket = 0;
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server.address().port)));
}

const port = await listen();
const extraPorts = [];
for (let index = 0; index < extraPortCount; index++) extraPorts.push(await listen());
process.stdout.write(`${JSON.stringify({ port, extraPorts })}\n`);

process.on("message", (command) => {
  if (command === "stats") process.send({ received, latencies: recording ? latencies : undefined });
  else if (command === "reset") {
    received = 0;
    recording = false;
    latencies = [];
    process.send({ ok: true });
  } else if (command === "record-latency") {
    recording = true;
    latencies = [];
    process.send({ ok: true });
  }
});
process.on("disconnect", () => process.exit(0));
process.on("SIGTERM", () => process.exit(0));
