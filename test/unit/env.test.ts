import path from "node:path";
import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/env";

describe("parseEnv", () => {
  it("should work with no settings at all (laptop defaults)", () => {
    const env = parseEnv({});
    expect(env.NODE_ENV).toBe("development");
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.HOOKLINE_DATA_DIR).toBe(path.resolve(".data"));
    expect(env.HOOKLINE_PUBLIC_URL).toBe("http://localhost:3000");
  });

  it.each([
    { name: "private networks allowed in development", input: { NODE_ENV: "development" }, expected: true },
    { name: "private networks allowed in tests", input: { NODE_ENV: "test" }, expected: true },
    { name: "private networks refused in production", input: { NODE_ENV: "production" }, expected: false },
    {
      name: "explicit setting wins in production",
      input: { NODE_ENV: "production", HOOKLINE_ALLOW_PRIVATE_NETWORKS: "true" },
      expected: true,
    },
    {
      name: "explicit setting wins in development",
      input: { NODE_ENV: "development", HOOKLINE_ALLOW_PRIVATE_NETWORKS: "0" },
      expected: false,
    },
  ])("should decide HOOKLINE_ALLOW_PRIVATE_NETWORKS: $name", ({ input, expected }) => {
    expect(parseEnv(input).HOOKLINE_ALLOW_PRIVATE_NETWORKS).toBe(expected);
  });

  it("should coerce numbers and treat empty strings as unset", () => {
    const env = parseEnv({ PORT: "8080", DATABASE_URL: "", HOOKLINE_PUBLIC_URL: "" });
    expect(env.PORT).toBe(8080);
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.HOOKLINE_PUBLIC_URL).toBe("http://localhost:8080");
  });

  it.each([
    { variable: "PORT", value: "http" },
    { variable: "PORT", value: "70000" },
    { variable: "DATABASE_URL", value: "mysql://localhost/db" },
    { variable: "DATABASE_URL", value: "not a url" },
    { variable: "NODE_ENV", value: "staging" },
    { variable: "LOG_LEVEL", value: "loud" },
    { variable: "HOOKLINE_ALLOW_PRIVATE_NETWORKS", value: "maybe" },
    { variable: "HOOKLINE_PUBLIC_URL", value: "ftp://example.test" },
    { variable: "DATABASE_POOL_SIZE", value: "0" },
    { variable: "HOOKLINE_WORKERS", value: "0" },
    { variable: "HOOKLINE_WORKERS", value: "65" },
    { variable: "HOOKLINE_WORKER_ID", value: "worker-1" },
  ])("should stop with a message naming $variable when it is $value", ({ variable, value }) => {
    expect(() => parseEnv({ [variable]: value })).toThrow(EnvError);
    expect(() => parseEnv({ [variable]: value })).toThrow(new RegExp(`^Invalid configuration:\\n  ${variable}: `));
  });

  it("should run one worker by default, and read the ids npm start hands a restarted worker", () => {
    expect(parseEnv({}).HOOKLINE_WORKERS).toBe(1);
    const ids = ["wkr_01M977S4PN1HZ48QBGJWD3A0RA", "wkr_01M977TSNY2F4VAFFQD5C1X1P1"];
    expect(parseEnv({ HOOKLINE_REPLACES_WORKER_IDS: ids.join(",") }).HOOKLINE_REPLACES_WORKER_IDS).toEqual(ids);
    expect(() => parseEnv({ HOOKLINE_REPLACES_WORKER_IDS: `${ids[0]},dlv_01M977S4PN1HZ48QBGJWD3A0RA` })).toThrow(
      /HOOKLINE_REPLACES_WORKER_IDS\.1: must be a worker id/,
    );
  });

  it("should name every bad variable at once", () => {
    expect(() => parseEnv({ PORT: "x", LOG_LEVEL: "loud" })).toThrow(/PORT: .*\n {2}LOG_LEVEL: /s);
  });
});
