// The SSRF exception for the instance's own playground receiver: exactly the public URL's
// origin and /api/playground/<word>/<word>, nothing around it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkEndpointUrl } from "@/lib/endpoints/check-endpoint-url";
import { reloadEnv } from "@/lib/env";
import { isOwnPlaygroundRequest, isOwnPlaygroundUrl } from "@/lib/ssrf";

const PUBLIC_URL = "http://localhost:3000";
const PLAYGROUND = "http://localhost:3000/api/playground/ok/ep_01JD0000000000000000000000";

describe("isOwnPlaygroundUrl", () => {
  it.each([
    { name: "the playground of this instance", url: PLAYGROUND, expected: true },
    { name: "another mode", url: "http://localhost:3000/api/playground/flaky/ep_x", expected: true },
    {
      name: "the public URL with a trailing slash",
      url: PLAYGROUND,
      publicUrl: "http://localhost:3000/",
      expected: true,
    },
    { name: "a public URL with a path", url: PLAYGROUND, publicUrl: "http://localhost:3000/hookline", expected: true },
    { name: "another port", url: "http://localhost:3001/api/playground/ok/ep_x", expected: false },
    { name: "another host", url: "http://127.0.0.1:3000/api/playground/ok/ep_x", expected: false },
    { name: "another scheme", url: "https://localhost:3000/api/playground/ok/ep_x", expected: false },
    { name: "another path of this server", url: "http://localhost:3000/api/v1/tenants", expected: false },
    { name: "the prefix alone", url: "http://localhost:3000/api/playground/", expected: false },
    { name: "one segment", url: "http://localhost:3000/api/playground/ok", expected: false },
    { name: "three segments", url: "http://localhost:3000/api/playground/ok/ep_x/more", expected: false },
    { name: "a dot-dot escape", url: "http://localhost:3000/api/playground/../v1/tenants/x", expected: false },
    { name: "a dot-dot inside the segments", url: "http://localhost:3000/api/playground/ok/../../v1", expected: false },
    { name: "an encoded dot-dot", url: "http://localhost:3000/api/playground/%2e%2e/v1", expected: false },
    { name: "an encoded slash", url: "http://localhost:3000/api/playground/ok%2F..%2F..%2Fv1/x", expected: false },
    { name: "a query", url: `${PLAYGROUND}?next=/api/v1`, expected: false },
    { name: "a fragment", url: `${PLAYGROUND}#x`, expected: false },
    { name: "credentials", url: "http://user:pw@localhost:3000/api/playground/ok/ep_x", expected: false },
    { name: "a lookalike prefix", url: "http://localhost:3000/api/playgroundx/ok/ep_x", expected: false },
    { name: "garbage", url: "not a url", expected: false },
    { name: "a non-http public URL", url: PLAYGROUND, publicUrl: "ftp://localhost:3000", expected: false },
  ])("should answer $expected for $name", ({ url, publicUrl, expected }) => {
    expect(isOwnPlaygroundUrl(url, publicUrl ?? PUBLIC_URL)).toBe(expected);
  });
});

describe("isOwnPlaygroundRequest", () => {
  it.each([
    { origin: "http://localhost:3000", path: "/api/playground/ok/ep_x", expected: true },
    { origin: "http://localhost:3000/", path: "/api/playground/slow/ep_x", expected: true },
    { origin: "http://localhost:3000", path: "/api/playground/ok/ep_x?x=1", expected: false },
    { origin: "http://localhost:3000", path: "/api/playground/ok/../../v1", expected: false },
    { origin: "http://localhost:3000", path: "/api/v1/tenants", expected: false },
    { origin: "http://localhost:9999", path: "/api/playground/ok/ep_x", expected: false },
    { origin: "", path: "/api/playground/ok/ep_x", expected: false },
  ])("should answer $expected for $origin$path", ({ origin, path, expected }) => {
    expect(isOwnPlaygroundRequest(origin, path, PUBLIC_URL)).toBe(expected);
  });
});

describe("checkEndpointUrl with the SSRF guard on", () => {
  const saved = { ...process.env };
  beforeAll(() => {
    process.env.HOOKLINE_ALLOW_PRIVATE_NETWORKS = "false";
    process.env.HOOKLINE_PUBLIC_URL = PUBLIC_URL;
    reloadEnv();
  });
  afterAll(() => {
    process.env = saved;
    reloadEnv();
  });

  it("should accept the instance's own playground", () => {
    expect(checkEndpointUrl(PLAYGROUND)).toBe(PLAYGROUND);
  });

  it.each([
    "http://localhost:3000/api/v1/tenants",
    "http://localhost:3001/api/playground/ok/ep_x",
    "http://127.0.0.1:3000/api/playground/ok/ep_x",
  ])("should still refuse %s", (url) => {
    expect(() => checkEndpointUrl(url)).toThrow(/internal networks/);
  });
});
