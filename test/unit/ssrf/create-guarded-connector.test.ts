// The guarded connector end to end through undici: a real Agent, a real HTTP receiver on
// 127.0.0.1, a fake resolver, and a socket factory that refuses any non-loopback address.
import { Agent, request } from "undici";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createGuardedConnector, SsrfBlockedError, SsrfDnsError, ssrfErrorKind } from "@/lib/ssrf";
import {
  createFakeResolver,
  createLoopbackOnlyConnector,
  startLoopbackServer,
  type LoopbackOnlyConnector,
  type LoopbackServer,
} from "./fixtures";

const DNS_TABLE = {
  "ok.test": ["127.0.0.1"],
  "evil.test": ["10.0.0.1"],
  "meta.test": ["169.254.169.254"],
  "mixed.test": ["93.184.215.14", "10.1.2.3"],
  "mapped.test": ["::ffff:127.0.0.1"],
  "v6meta.test": ["fd00:ec2::254"],
  "v6loop.test": ["::1"],
  "empty.test": [],
  "garbage.test": ["not-an-ip"],
};

let server: LoopbackServer;
let socketGuard: LoopbackOnlyConnector;
let agent: Agent | undefined;

beforeEach(async () => {
  server = await startLoopbackServer();
  socketGuard = createLoopbackOnlyConnector();
});

afterEach(async () => {
  await agent?.close();
  agent = undefined;
  await server.close();
  // The network rule: nothing but loopback, and no DNS lookup behind the guard's back.
  expect(socketGuard.violations).toEqual([]);
  expect(socketGuard.lookups).toEqual([]);
});

function guardedAgent(allowPrivateNetworks: boolean, resolve = createFakeResolver(DNS_TABLE).resolve): Agent {
  const connect = createGuardedConnector({
    allowPrivateNetworks,
    resolve,
    connectTimeoutMs: 2_000,
    socketFactory: socketGuard.connect,
  });
  agent = new Agent({ connect });
  return agent;
}

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail("expected the request to be refused"),
    (error: unknown) => error,
  );
}

describe("createGuardedConnector with private networks allowed", () => {
  it("should reach the loopback receiver with the original Host header", async () => {
    const resolver = createFakeResolver(DNS_TABLE);
    const dispatcher = guardedAgent(true, resolver.resolve);
    const response = await request(`http://ok.test:${server.port}/hello`, { dispatcher });

    expect(response.statusCode).toBe(200);
    expect(await response.body.text()).toBe(`hello from ok.test:${server.port}`);
    expect(server.seen).toEqual([
      { url: "/hello", headers: expect.objectContaining({ host: `ok.test:${server.port}` }) },
    ]);
    expect(resolver.calls).toEqual(["ok.test"]);
    expect(socketGuard.calls).toEqual([
      expect.objectContaining({ hostname: "127.0.0.1", host: `ok.test:${server.port}` }),
    ]);
  });

  it("should connect to an IP-literal URL without asking the resolver", async () => {
    const resolver = createFakeResolver(DNS_TABLE);
    const response = await request(`http://127.0.0.1:${server.port}/`, {
      dispatcher: guardedAgent(true, resolver.resolve),
    });
    expect(response.statusCode).toBe(200);
    await response.body.dump();
    expect(resolver.calls).toEqual([]);
  });

  it("should leave redirects to the caller: a 302 comes back as is and its target is never resolved", async () => {
    const resolver = createFakeResolver(DNS_TABLE);
    const response = await request(`http://ok.test:${server.port}/redirect`, {
      dispatcher: guardedAgent(true, resolver.resolve),
    });
    await response.body.dump();
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe("http://evil.test/next");
    expect(resolver.calls).toEqual(["ok.test"]);
    expect(server.seen).toHaveLength(1);
  });

  it("should refuse a resolver answer that is not an IP, so the socket never resolves on its own", async () => {
    const error = await rejectionOf(request("http://garbage.test/", { dispatcher: guardedAgent(true) }));
    expect(error).toBeInstanceOf(SsrfDnsError);
    expect(socketGuard.calls).toEqual([]);
  });
});

describe("createGuardedConnector with private networks refused", () => {
  it.each([
    { name: "private IPv4", input: "http://evil.test/", expected: { address: "10.0.0.1", range: "private" } },
    {
      name: "cloud metadata",
      input: "http://meta.test/latest/meta-data/",
      expected: { address: "169.254.169.254", range: "link_local" },
    },
    {
      name: "one internal among public answers",
      input: "https://mixed.test/",
      expected: { address: "10.1.2.3", range: "private" },
    },
    { name: "loopback name", input: "http://ok.test:PORT/", expected: { address: "127.0.0.1", range: "loopback" } },
    {
      name: "mapped IPv6 loopback",
      input: "http://mapped.test/",
      expected: { address: "::ffff:127.0.0.1", range: "loopback" },
    },
    {
      name: "IPv6 unique local",
      input: "http://v6meta.test/",
      expected: { address: "fd00:ec2::254", range: "unique_local" },
    },
    { name: "IPv6 loopback", input: "http://v6loop.test/", expected: { address: "::1", range: "loopback" } },
    { name: "IPv4 literal", input: "http://127.0.0.1:PORT/", expected: { address: "127.0.0.1", range: "loopback" } },
    { name: "IPv6 literal", input: "http://[::1]:PORT/", expected: { address: "::1", range: "loopback" } },
  ])("should refuse $name before connecting", async ({ input, expected }) => {
    const url = input.replace("PORT", String(server.port));
    const error = await rejectionOf(request(url, { dispatcher: guardedAgent(false) }));

    expect(error).toBeInstanceOf(SsrfBlockedError);
    expect(error).toMatchObject({ kind: "ssrf_blocked", code: "SSRF_BLOCKED", ...expected });
    expect(ssrfErrorKind(error)).toBe("ssrf_blocked");
    expect(socketGuard.calls).toEqual([]);
    expect(server.seen).toEqual([]);
  });
});

describe("createGuardedConnector DNS failures", () => {
  it.each([
    { name: "unknown name", input: "http://nowhere.test/", expected: { dnsCode: "ENOTFOUND" } },
    { name: "empty answer", input: "http://empty.test/", expected: { dnsCode: "ENODATA" } },
  ])("should fail with the dns kind on $name", async ({ input, expected }) => {
    const error = await rejectionOf(request(input, { dispatcher: guardedAgent(false) }));
    expect(error).toBeInstanceOf(SsrfDnsError);
    expect(error).toMatchObject({ kind: "dns", code: "DNS_LOOKUP_FAILED", ...expected });
    expect(ssrfErrorKind(error)).toBe("dns");
    expect(socketGuard.calls).toEqual([]);
  });

  it("should give up on a resolver that never answers after connectTimeoutMs", async () => {
    const hang = () => new Promise<never>(() => {});
    const connect = createGuardedConnector({
      allowPrivateNetworks: false,
      resolve: hang,
      connectTimeoutMs: 50,
      socketFactory: socketGuard.connect,
    });
    agent = new Agent({ connect });
    const error = await rejectionOf(request("http://slow.test/", { dispatcher: agent }));
    expect(error).toMatchObject({ kind: "dns", dnsCode: "ETIMEOUT" });
    expect(socketGuard.calls).toEqual([]);
  });
});
