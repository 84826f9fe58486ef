import { describe, expect, it } from "vitest";
import { parseTarget, type TargetRefusalCode } from "@/lib/ssrf";

type Case = {
  name: string;
  input: string;
  expected: { ok: true; href: string } | { ok: false; code: TargetRefusalCode };
};

const refused = (code: TargetRefusalCode) => ({ ok: false as const, code });
const accepted = (href: string) => ({ ok: true as const, href });

// Every spelling of a loopback or internal address that WHATWG URL normalises: the table shows
// what URL turned each into, so a change in URL parsing would show up here first.
const notationCases: Case[] = [
  { name: "dotted loopback", input: "http://127.0.0.1/hook", expected: refused("blocked_address") },
  { name: "decimal loopback", input: "http://2130706433/", expected: refused("blocked_address") },
  { name: "octal loopback", input: "http://0177.0.0.1/", expected: refused("blocked_address") },
  { name: "whole-number octal loopback", input: "http://017700000001/", expected: refused("blocked_address") },
  { name: "hex loopback", input: "http://0x7f.0.0.1/", expected: refused("blocked_address") },
  { name: "whole-number hex loopback", input: "http://0x7f000001/", expected: refused("blocked_address") },
  { name: "short loopback", input: "http://127.1/", expected: refused("blocked_address") },
  { name: "trailing-dot loopback", input: "http://127.0.0.1./", expected: refused("blocked_address") },
  { name: "percent-encoded loopback", input: "http://%31%32%37.0.0.1/", expected: refused("blocked_address") },
  { name: "fullwidth-digit loopback", input: "http://１２７.0.0.1/", expected: refused("blocked_address") },
  { name: "0 is 0.0.0.0", input: "http://0/", expected: refused("blocked_address") },
  { name: "decimal metadata", input: "http://2852039166/latest/meta-data/", expected: refused("blocked_address") },
  { name: "hex 10/8 short form", input: "https://0xa.1/", expected: refused("blocked_address") },
  { name: "IPv6 loopback", input: "http://[::1]:8080/", expected: refused("blocked_address") },
  { name: "IPv6 unspecified", input: "http://[::]/", expected: refused("blocked_address") },
  { name: "mapped IPv6 loopback", input: "http://[::ffff:127.0.0.1]/", expected: refused("blocked_address") },
  {
    name: "mapped IPv6 loopback, long hex",
    input: "http://[0:0:0:0:0:ffff:7f00:1]/",
    expected: refused("blocked_address"),
  },
  { name: "compatible IPv6 10/8", input: "http://[::10.0.0.1]/", expected: refused("blocked_address") },
  { name: "NAT64 metadata", input: "http://[64:ff9b::169.254.169.254]/", expected: refused("blocked_address") },
  { name: "6to4 of 192.168.1.1", input: "http://[2002:c0a8:101::1]/", expected: refused("blocked_address") },
  { name: "unique local IPv6", input: "https://[fd12:3456::1]/", expected: refused("blocked_address") },
  { name: "link-local IPv6", input: "https://[fe80::1]/", expected: refused("blocked_address") },
  { name: "localhost", input: "http://localhost:3000/", expected: refused("blocked_address") },
  { name: "LOCALHOST with trailing dot", input: "http://LOCALHOST./", expected: refused("blocked_address") },
  { name: "subdomain of localhost", input: "http://api.localhost/", expected: refused("blocked_address") },
  {
    name: "userinfo decoy before an internal host",
    input: "http://example.com@10.0.0.1/",
    expected: refused("credentials_in_url"),
  },
  { name: "public IPv4", input: "http://93.184.215.14/hook", expected: accepted("http://93.184.215.14/hook") },
  {
    name: "public decimal IPv4 is normalised",
    input: "http://1572394766/",
    expected: accepted("http://93.184.215.14/"),
  },
  {
    name: "public IPv6",
    input: "https://[2606:4700:4700::1111]/",
    expected: accepted("https://[2606:4700:4700::1111]/"),
  },
  { name: "mapped public IPv6", input: "https://[::ffff:8.8.8.8]/", expected: accepted("https://[::ffff:808:808]/") },
  {
    name: "name that merely contains localhost",
    input: "https://localhost.example.com/",
    expected: accepted("https://localhost.example.com/"),
  },
];

const shapeCases: Case[] = [
  {
    name: "https with port, path, query",
    input: "https://hooks.example.com:8443/in?x=1",
    expected: accepted("https://hooks.example.com:8443/in?x=1"),
  },
  {
    name: "upper-case scheme and host",
    input: "HTTPS://Hooks.Example.COM/in",
    expected: accepted("https://hooks.example.com/in"),
  },
  {
    name: "IDN host becomes punycode",
    input: "https://bücher.example/",
    expected: accepted("https://xn--bcher-kva.example/"),
  },
  {
    name: "surrounding spaces are trimmed",
    input: "  https://example.com/  ",
    expected: accepted("https://example.com/"),
  },
  { name: "user and password", input: "https://user:pass@example.com/", expected: refused("credentials_in_url") },
  { name: "user only", input: "https://user@example.com/", expected: refused("credentials_in_url") },
  { name: "password only", input: "https://:pass@example.com/", expected: refused("credentials_in_url") },
  { name: "ftp", input: "ftp://example.com/", expected: refused("unsupported_scheme") },
  { name: "file", input: "file:///etc/passwd", expected: refused("unsupported_scheme") },
  { name: "javascript", input: "javascript:alert(1)", expected: refused("unsupported_scheme") },
  { name: "gopher", input: "gopher://127.0.0.1:6379/_INFO", expected: refused("unsupported_scheme") },
  { name: "data", input: "data:text/plain,hi", expected: refused("unsupported_scheme") },
  { name: "ws", input: "ws://example.com/", expected: refused("unsupported_scheme") },
  { name: "relative path", input: "/hooks/in", expected: refused("invalid_url") },
  { name: "no scheme", input: "example.com/hook", expected: refused("invalid_url") },
  { name: "empty", input: "", expected: refused("invalid_url") },
  { name: "out-of-range IPv4", input: "http://256.0.0.1/", expected: refused("invalid_url") },
  { name: "five-part number host", input: "http://1.2.3.4.5/", expected: refused("invalid_url") },
  { name: "too large number host", input: "http://0x100000000/", expected: refused("invalid_url") },
  { name: "IPv6 zone id", input: "http://[fe80::1%25eth0]/", expected: refused("invalid_url") },
  { name: "space in host", input: "http://exa mple.com/", expected: refused("invalid_url") },
  { name: "port out of range", input: "http://example.com:99999/", expected: refused("invalid_url") },
];

describe("parseTarget", () => {
  it.each([...notationCases, ...shapeCases])("$name: $input", ({ input, expected }) => {
    const result = parseTarget(input, { allowPrivateNetworks: false });
    if (expected.ok) {
      expect(result.ok).toBe(true);
      if (result.ok) expect(result.url.href).toBe(expected.href);
    } else {
      expect(result).toMatchObject({ ok: false, code: expected.code, message: expect.any(String) });
    }
  });

  it("should say which range refused an address, in the code and the message", () => {
    const result = parseTarget("http://169.254.169.254/latest/meta-data/", { allowPrivateNetworks: false });
    expect(result).toEqual({
      ok: false,
      code: "blocked_address",
      range: "link_local",
      message: expect.stringContaining("169.254.169.254"),
    });
  });

  it.each(notationCases.filter((row) => !row.expected.ok && row.expected.code === "blocked_address"))(
    "should accept $input when private networks are allowed",
    ({ input }) => {
      expect(parseTarget(input, { allowPrivateNetworks: true }).ok).toBe(true);
    },
  );

  it("should keep refusing schemes and credentials when private networks are allowed", () => {
    const options = { allowPrivateNetworks: true };
    expect(parseTarget("file:///etc/passwd", options)).toMatchObject({ ok: false, code: "unsupported_scheme" });
    expect(parseTarget("http://a:b@127.0.0.1/", options)).toMatchObject({ ok: false, code: "credentials_in_url" });
    expect(parseTarget("not a url", options)).toMatchObject({ ok: false, code: "invalid_url" });
  });
});
