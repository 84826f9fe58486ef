// The guarded connector's central promise: one DNS lookup per connection, and the socket goes
// to the very address that lookup returned and the policy checked (no rebinding window), while
// TLS keeps verifying the original name.
import { Agent, request } from "undici";
import { afterEach, describe, expect, it } from "vitest";
import { createGuardedConnector, SsrfBlockedError, type GuardedConnectorOptions } from "@/lib/ssrf";
import {
  createFakeResolver,
  createLoopbackOnlyConnector,
  createRecordingConnector,
  startLoopbackServer,
  type LoopbackServer,
} from "./fixtures";

let server: LoopbackServer | undefined;
let agent: Agent | undefined;

afterEach(async () => {
  await agent?.close();
  agent = undefined;
  await server?.close();
  server = undefined;
});

/** Calls the connector directly, as undici would, and waits for its callback. */
function connectOnce(
  options: GuardedConnectorOptions,
  target: { protocol: string; hostname: string; port: string; servername?: string },
) {
  const connect = createGuardedConnector(options);
  return new Promise<Error | null>((resolve) => {
    connect({ ...target, host: `${target.hostname}:${target.port}` }, (error, socket) => {
      socket?.destroy();
      resolve(error);
    });
  });
}

describe("createGuardedConnector connects to the checked address", () => {
  it("should look up once per connection and ignore what DNS says later (rebinding)", async () => {
    server = await startLoopbackServer();
    const socketGuard = createLoopbackOnlyConnector();
    // First answer loopback (allowed here), every later answer an internal address.
    const resolver = createFakeResolver({ "rebind.test": [["127.0.0.1"], ["10.9.9.9"]] });
    const connect = createGuardedConnector({
      allowPrivateNetworks: true,
      resolve: resolver.resolve,
      connectTimeoutMs: 2_000,
      socketFactory: socketGuard.connect,
    });
    // One connection per origin, so every request must reuse the first socket.
    agent = new Agent({ connect, connections: 1 });

    for (const path of ["/one", "/two", "/three"]) {
      const response = await request(`http://rebind.test:${server.port}${path}`, { dispatcher: agent });
      expect(response.statusCode).toBe(200);
      await response.body.text();
    }

    // Three requests on one kept-alive connection: one lookup, one connect, to the first answer.
    expect(resolver.calls).toEqual(["rebind.test"]);
    expect(socketGuard.calls.map((call) => call.hostname)).toEqual(["127.0.0.1"]);
    expect(socketGuard.violations).toEqual([]);
    expect(socketGuard.lookups).toEqual([]);
  });

  it("should look up again for every new connection", async () => {
    server = await startLoopbackServer({ closeConnections: true });
    const socketGuard = createLoopbackOnlyConnector();
    const resolver = createFakeResolver({ "ok.test": ["127.0.0.1"] });
    agent = new Agent({
      connect: createGuardedConnector({
        allowPrivateNetworks: true,
        resolve: resolver.resolve,
        connectTimeoutMs: 2_000,
        socketFactory: socketGuard.connect,
      }),
    });

    for (const path of ["/one", "/two"]) {
      const response = await request(`http://ok.test:${server.port}${path}`, { dispatcher: agent });
      await response.body.text();
    }

    expect(resolver.calls).toEqual(["ok.test", "ok.test"]);
    expect(socketGuard.calls.map((call) => call.hostname)).toEqual(["127.0.0.1", "127.0.0.1"]);
    expect(socketGuard.violations).toEqual([]);
  });

  it("should hand the socket the address that passed the check, not a later DNS answer", async () => {
    // The classic rebinding attack: public for the check, loopback for the connect. The
    // recording factory never opens a socket, so the public address receives no packet.
    const resolver = createFakeResolver({ "rebind.test": [["93.184.215.14"], ["127.0.0.1"]] });
    const recorder = createRecordingConnector();
    const options = {
      allowPrivateNetworks: false,
      resolve: resolver.resolve,
      connectTimeoutMs: 2_000,
      socketFactory: recorder.connect,
    };

    await connectOnce(options, { protocol: "http:", hostname: "rebind.test", port: "80" });

    expect(resolver.calls).toEqual(["rebind.test"]);
    expect(recorder.calls.map((call) => call.hostname)).toEqual(["93.184.215.14"]);
  });

  it("should keep the original name for TLS (SNI) while connecting to the IP", async () => {
    const resolver = createFakeResolver({ "ok.test": ["127.0.0.1"] });
    const recorder = createRecordingConnector();
    const options = {
      allowPrivateNetworks: true,
      resolve: resolver.resolve,
      connectTimeoutMs: 2_000,
      socketFactory: recorder.connect,
    };

    await connectOnce(options, { protocol: "https:", hostname: "ok.test", port: "443" });
    await connectOnce(options, { protocol: "https:", hostname: "ok.test", port: "443", servername: "chosen.test" });
    await connectOnce(options, { protocol: "https:", hostname: "127.0.0.1", port: "443" });

    expect(recorder.calls).toEqual([
      expect.objectContaining({ hostname: "127.0.0.1", servername: "ok.test", host: "ok.test:443" }),
      expect.objectContaining({ hostname: "127.0.0.1", servername: "chosen.test" }),
      // IP literals get no SNI (RFC 6066); undici then falls back to none.
      expect.objectContaining({ hostname: "127.0.0.1", servername: undefined }),
    ]);
  });

  it("should report a blocked address through the callback exactly once, without connecting", async () => {
    const resolver = createFakeResolver({ "evil.test": ["10.0.0.1"] });
    const recorder = createRecordingConnector();
    const options = {
      allowPrivateNetworks: false,
      resolve: resolver.resolve,
      connectTimeoutMs: 2_000,
      socketFactory: recorder.connect,
    };

    const error = await connectOnce(options, { protocol: "http:", hostname: "evil.test", port: "80" });

    expect(error).toBeInstanceOf(SsrfBlockedError);
    expect(recorder.calls).toEqual([]);
  });

  it("should turn a throwing socket factory into a connect error", async () => {
    const resolver = createFakeResolver({ "ok.test": ["127.0.0.1"] });
    const throwing = () => {
      throw new Error("factory exploded");
    };
    const options = {
      allowPrivateNetworks: true,
      resolve: resolver.resolve,
      connectTimeoutMs: 2_000,
      socketFactory: throwing,
    };

    const error = await connectOnce(options, { protocol: "http:", hostname: "ok.test", port: "80" });

    expect(error?.message).toBe("factory exploded");
  });
});
