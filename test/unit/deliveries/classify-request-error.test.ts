import { describe, expect, it } from "vitest";
import { classifyRequestError } from "@/lib/sending/classify-request-error";
import { SsrfBlockedError, SsrfDnsError } from "@/lib/ssrf";

const withCode = (code: string, name = "Error") => Object.assign(new Error(code), { code, name });

describe("classifyRequestError", () => {
  it.each([
    { name: "SSRF refusal", error: new SsrfBlockedError("evil.test", "10.0.0.1", "private"), expected: "ssrf_blocked" },
    {
      name: "SSRF refusal wrapped by undici",
      error: Object.assign(new Error("fetch failed"), {
        cause: new SsrfBlockedError("a.test", "127.0.0.1", "loopback"),
      }),
      expected: "ssrf_blocked",
    },
    {
      name: "DNS failure from the guard",
      error: new SsrfDnsError("nope.test", "not found", { dnsCode: "ENOTFOUND" }),
      expected: "dns",
    },
    { name: "DNS ENOTFOUND", error: withCode("ENOTFOUND"), expected: "dns" },
    {
      name: "abort by timeout signal",
      error: Object.assign(new Error("aborted"), { name: "TimeoutError" }),
      expected: "timeout",
    },
    { name: "connect timeout", error: withCode("UND_ERR_CONNECT_TIMEOUT"), expected: "timeout" },
    { name: "headers timeout", error: withCode("UND_ERR_HEADERS_TIMEOUT"), expected: "timeout" },
    { name: "refused", error: withCode("ECONNREFUSED"), expected: "connect" },
    { name: "unreachable", error: withCode("EHOSTUNREACH"), expected: "connect" },
    { name: "reset", error: withCode("ECONNRESET"), expected: "connection_reset" },
    { name: "socket closed by peer", error: withCode("UND_ERR_SOCKET", "SocketError"), expected: "connection_reset" },
    { name: "bad certificate", error: withCode("DEPTH_ZERO_SELF_SIGNED_CERT"), expected: "tls" },
    { name: "TLS alert", error: withCode("ERR_SSL_TLSV1_ALERT_INTERNAL_ERROR"), expected: "tls" },
    {
      name: "not HTTP",
      error: Object.assign(new Error("Response does not match the HTTP/1.1 protocol"), { name: "HTTPParserError" }),
      expected: "invalid_response",
    },
    { name: "parser code", error: withCode("HPE_INVALID_CONSTANT"), expected: "invalid_response" },
    { name: "token endpoint failure", error: withCode("RECEIVER_AUTH_FAILED"), expected: "auth" },
    { name: "anything else", error: new Error("boom"), expected: "network" },
  ])("should call $name $expected", ({ error, expected }) => {
    expect(classifyRequestError(error)).toBe(expected);
  });
});
