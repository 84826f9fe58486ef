// A real HTTP receiver on 127.0.0.1 for integration tests: records every request (headers, raw
// body, arrival time) and answers however the test says, per path.
import http from "node:http";
import https from "node:https";
import type { TLSSocket } from "node:tls";
import type { AddressInfo } from "node:net";

export interface ReceivedRequest {
  path: string;
  method: string;
  headers: Record<string, string>;
  body: string;
  receivedAt: number;
  /** HTTPS receivers: the subject CN of the client certificate the sender presented, if any. */
  clientCertificate?: string;
}

export type Behaviour =
  | { status: number; headers?: Record<string, string>; body?: string; delayMs?: number }
  /** Never answers (until the test ends). */
  | { hang: true };

export interface Receiver {
  url(path?: string): string;
  port: number;
  requests: ReceivedRequest[];
  /** Requests to one path. */
  at(path: string): ReceivedRequest[];
  /** Sets how a path answers; a function decides per request (e.g. fail the first n). */
  on(path: string, behaviour: Behaviour | ((request: ReceivedRequest, count: number) => Behaviour)): void;
  waitFor(count: number, path?: string, timeoutMs?: number): Promise<ReceivedRequest[]>;
  close(): Promise<void>;
}

/** `tls`: an HTTPS receiver (e.g. with `requestCert` and `ca` to require client certificates). */
export async function startReceiver(options: { tls?: https.ServerOptions } = {}): Promise<Receiver> {
  const requests: ReceivedRequest[] = [];
  const behaviours = new Map<string, Behaviour | ((request: ReceivedRequest, count: number) => Behaviour)>();
  const hanging = new Set<http.ServerResponse>();
  const handle = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const path = (req.url ?? "/").split("?")[0]!;
      const request: ReceivedRequest = {
        path,
        method: req.method ?? "GET",
        headers: Object.fromEntries(
          Object.entries(req.headers).map(([name, value]) => [
            name,
            Array.isArray(value) ? value.join(", ") : (value ?? ""),
          ]),
        ),
        body: Buffer.concat(chunks).toString("utf8"),
        receivedAt: Date.now(),
        clientCertificate: options.tls
          ? ((req.socket as TLSSocket).getPeerCertificate().subject?.CN as string | undefined)
          : undefined,
      };
      requests.push(request);
      const configured = behaviours.get(path) ?? { status: 204 };
      const behaviour =
        typeof configured === "function"
          ? configured(request, requests.filter((r) => r.path === path).length)
          : configured;
      if ("hang" in behaviour) {
        hanging.add(res);
        return;
      }
      const answer = () => {
        res.writeHead(behaviour.status, behaviour.headers);
        res.end(behaviour.body ?? "");
      };
      if (behaviour.delayMs) setTimeout(answer, behaviour.delayMs);
      else answer();
    });
  };
  const server = options.tls ? https.createServer(options.tls, handle) : http.createServer(handle);
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const at = (path: string) => requests.filter((request) => request.path === path);
  return {
    port,
    requests,
    url: (path = "/") => `${options.tls ? "https" : "http"}://127.0.0.1:${port}${path}`,
    at,
    on: (path, behaviour) => behaviours.set(path, behaviour),
    async waitFor(count, path, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const seen = path ? at(path) : requests;
        if (seen.length >= count) return seen;
        if (Date.now() > deadline)
          throw new Error(`receiver saw ${seen.length} of ${count} requests${path ? ` to ${path}` : ""}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
