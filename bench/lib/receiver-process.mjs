// The benchmark receiver: a minimal Node http server in its own process, answering 204 to
// everything. Prints its port on stdout. Optional argv[2]: "count" to report arrivals on exit.
import http from "node:http";

let received = 0;
const server = http.createServer((request, response) => {
  request.resume();
  request.on("end", () => {
    received++;
    response.writeHead(204);
    response.end();
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => process.stdout.write(`${server.address().port}\n`));
process.on("SIGTERM", () => {
  process.stderr.write(`received ${received}\n`);
  process.exit(0);
});
