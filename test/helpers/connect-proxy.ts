// A real HTTP CONNECT proxy on 127.0.0.1 (the `proxy` package) that requires Basic credentials
// and records every CONNECT it is asked for, accepted or not.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { createProxy } from "proxy";

export interface TestProxy {
  /** The proxy's URL with its credentials. */
  url: string;
  /** `host:port` of every CONNECT, with whether its credentials were right. */
  connects: Array<{ target: string; authorized: boolean }>;
  close(): Promise<void>;
}

export async function startConnectProxy(username = "hookline", password = "s3cret"): Promise<TestProxy> {
  const connects: TestProxy["connects"] = [];
  const expected = `Basic ${Buffer.from(`${username}:${password}`).toString("base64")}`;
  const server = createProxy(http.createServer());
  server.authenticate = (request) => {
    const authorized = request.headers["proxy-authorization"] === expected;
    if (request.method === "CONNECT") connects.push({ target: request.url ?? "", authorized });
    return authorized;
  };
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${username}:${password}@127.0.0.1:${port}`,
    connects,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
