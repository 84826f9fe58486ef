import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { classifyAddress, type BlockedRange, type Ipv4Embedding } from "@/lib/ssrf";

type Case = { name: string; input: string; expected: { range: BlockedRange; via?: Ipv4Embedding } | "allowed" };

// First and last address of every blocked IPv4 range, plus the neighbours just outside it,
// so an off-by-one in a prefix length shows up as a failing row.
const ipv4Cases: Case[] = [
  { name: "this network, first", input: "0.0.0.0", expected: { range: "this_network" } },
  { name: "this network, last", input: "0.255.255.255", expected: { range: "this_network" } },
  { name: "just after 0/8", input: "1.0.0.0", expected: "allowed" },
  { name: "10/8 first", input: "10.0.0.0", expected: { range: "private" } },
  { name: "10/8 last", input: "10.255.255.255", expected: { range: "private" } },
  { name: "just before 10/8", input: "9.255.255.255", expected: "allowed" },
  { name: "just after 10/8", input: "11.0.0.0", expected: "allowed" },
  { name: "CGNAT first", input: "100.64.0.0", expected: { range: "cgnat" } },
  { name: "CGNAT last", input: "100.127.255.255", expected: { range: "cgnat" } },
  { name: "just before CGNAT", input: "100.63.255.255", expected: "allowed" },
  { name: "just after CGNAT", input: "100.128.0.0", expected: "allowed" },
  { name: "loopback first", input: "127.0.0.0", expected: { range: "loopback" } },
  { name: "loopback usual", input: "127.0.0.1", expected: { range: "loopback" } },
  { name: "loopback last", input: "127.255.255.255", expected: { range: "loopback" } },
  { name: "just before loopback", input: "126.255.255.255", expected: "allowed" },
  { name: "just after loopback", input: "128.0.0.0", expected: "allowed" },
  { name: "link-local first", input: "169.254.0.0", expected: { range: "link_local" } },
  { name: "cloud metadata", input: "169.254.169.254", expected: { range: "link_local" } },
  { name: "link-local last", input: "169.254.255.255", expected: { range: "link_local" } },
  { name: "just before link-local", input: "169.253.255.255", expected: "allowed" },
  { name: "just after link-local", input: "169.255.0.0", expected: "allowed" },
  { name: "172.16/12 first", input: "172.16.0.0", expected: { range: "private" } },
  { name: "172.16/12 last", input: "172.31.255.255", expected: { range: "private" } },
  { name: "just before 172.16/12", input: "172.15.255.255", expected: "allowed" },
  { name: "just after 172.16/12", input: "172.32.0.0", expected: "allowed" },
  { name: "IETF protocol first", input: "192.0.0.0", expected: { range: "ietf_protocol" } },
  { name: "IETF protocol last", input: "192.0.0.255", expected: { range: "ietf_protocol" } },
  { name: "just before 192.0.0/24", input: "191.255.255.255", expected: "allowed" },
  { name: "between 192.0.0/24 and TEST-NET-1", input: "192.0.1.1", expected: "allowed" },
  { name: "TEST-NET-1 first", input: "192.0.2.0", expected: { range: "documentation" } },
  { name: "TEST-NET-1 last", input: "192.0.2.255", expected: { range: "documentation" } },
  { name: "just after TEST-NET-1", input: "192.0.3.0", expected: "allowed" },
  { name: "192.168/16 first", input: "192.168.0.0", expected: { range: "private" } },
  { name: "192.168/16 last", input: "192.168.255.255", expected: { range: "private" } },
  { name: "just before 192.168/16", input: "192.167.255.255", expected: "allowed" },
  { name: "just after 192.168/16", input: "192.169.0.0", expected: "allowed" },
  { name: "benchmarking first", input: "198.18.0.0", expected: { range: "benchmarking" } },
  { name: "benchmarking last", input: "198.19.255.255", expected: { range: "benchmarking" } },
  { name: "just before benchmarking", input: "198.17.255.255", expected: "allowed" },
  { name: "just after benchmarking", input: "198.20.0.0", expected: "allowed" },
  { name: "TEST-NET-2 first", input: "198.51.100.0", expected: { range: "documentation" } },
  { name: "TEST-NET-2 last", input: "198.51.100.255", expected: { range: "documentation" } },
  { name: "just after TEST-NET-2", input: "198.51.101.0", expected: "allowed" },
  { name: "TEST-NET-3 first", input: "203.0.113.0", expected: { range: "documentation" } },
  { name: "TEST-NET-3 last", input: "203.0.113.255", expected: { range: "documentation" } },
  { name: "just before TEST-NET-3", input: "203.0.112.255", expected: "allowed" },
  { name: "multicast first", input: "224.0.0.0", expected: { range: "multicast" } },
  { name: "multicast last", input: "239.255.255.255", expected: { range: "multicast" } },
  { name: "just before multicast", input: "223.255.255.255", expected: "allowed" },
  { name: "reserved first", input: "240.0.0.0", expected: { range: "reserved" } },
  { name: "reserved, next to broadcast", input: "255.255.255.254", expected: { range: "reserved" } },
  { name: "limited broadcast", input: "255.255.255.255", expected: { range: "broadcast" } },
  { name: "public DNS", input: "8.8.8.8", expected: "allowed" },
  { name: "public web host", input: "93.184.215.14", expected: "allowed" },
];

const ipv6Cases: Case[] = [
  { name: "unspecified", input: "::", expected: { range: "unspecified" } },
  { name: "loopback", input: "::1", expected: { range: "loopback" } },
  { name: "loopback, long form", input: "0:0:0:0:0:0:0:1", expected: { range: "loopback" } },
  { name: "link-local first", input: "fe80::", expected: { range: "link_local" } },
  { name: "link-local with zone id", input: "fe80::1%eth0", expected: { range: "link_local" } },
  { name: "link-local last", input: "febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff", expected: { range: "link_local" } },
  { name: "site-local (deprecated)", input: "fec0::1", expected: { range: "private" } },
  { name: "unique local first", input: "fc00::", expected: { range: "unique_local" } },
  { name: "unique local, AWS metadata", input: "fd00:ec2::254", expected: { range: "unique_local" } },
  { name: "unique local last", input: "fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", expected: { range: "unique_local" } },
  { name: "just before unique local", input: "fbff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", expected: "allowed" },
  { name: "multicast first", input: "ff00::", expected: { range: "multicast" } },
  { name: "multicast all-nodes", input: "ff02::1", expected: { range: "multicast" } },
  { name: "multicast last", input: "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", expected: { range: "multicast" } },
  { name: "documentation first", input: "2001:db8::", expected: { range: "documentation" } },
  { name: "documentation last", input: "2001:db8:ffff:ffff:ffff:ffff:ffff:ffff", expected: { range: "documentation" } },
  { name: "just before documentation", input: "2001:db7:ffff:ffff:ffff:ffff:ffff:ffff", expected: "allowed" },
  { name: "just after documentation", input: "2001:db9::", expected: "allowed" },
  { name: "local-use NAT64", input: "64:ff9b:1::a00:1", expected: { range: "private" } },
  { name: "public IPv6", input: "2606:4700:4700::1111", expected: "allowed" },
];

// Each IPv6 form that carries an IPv4 address, with a blocked and a public IPv4 inside.
const embeddedCases: Case[] = [
  { name: "mapped loopback, dotted", input: "::ffff:127.0.0.1", expected: { range: "loopback", via: "ipv4_mapped" } },
  { name: "mapped loopback, hex", input: "::ffff:7f00:1", expected: { range: "loopback", via: "ipv4_mapped" } },
  { name: "mapped metadata", input: "::ffff:169.254.169.254", expected: { range: "link_local", via: "ipv4_mapped" } },
  { name: "mapped 10/8, long form", input: "0:0:0:0:0:ffff:a00:1", expected: { range: "private", via: "ipv4_mapped" } },
  { name: "mapped CGNAT", input: "::ffff:100.64.0.1", expected: { range: "cgnat", via: "ipv4_mapped" } },
  { name: "mapped 0.0.0.0", input: "::ffff:0.0.0.0", expected: { range: "this_network", via: "ipv4_mapped" } },
  { name: "mapped broadcast", input: "::ffff:255.255.255.255", expected: { range: "broadcast", via: "ipv4_mapped" } },
  { name: "mapped public", input: "::ffff:8.8.8.8", expected: "allowed" },
  { name: "compatible loopback", input: "::127.0.0.1", expected: { range: "loopback", via: "ipv4_compatible" } },
  { name: "compatible 192.168", input: "::c0a8:101", expected: { range: "private", via: "ipv4_compatible" } },
  { name: "compatible ::2 is 0.0.0.2", input: "::2", expected: { range: "this_network", via: "ipv4_compatible" } },
  { name: "compatible public", input: "::8.8.8.8", expected: "allowed" },
  {
    name: "compatible 10/8 is not read as mapped",
    input: "::10.0.0.1",
    expected: { range: "private", via: "ipv4_compatible" },
  },
  { name: "mapped with zone id", input: "::ffff:127.0.0.1%lo", expected: { range: "loopback", via: "ipv4_mapped" } },
  { name: "translated loopback", input: "::ffff:0:127.0.0.1", expected: { range: "loopback", via: "ipv4_translated" } },
  { name: "NAT64 loopback", input: "64:ff9b::127.0.0.1", expected: { range: "loopback", via: "nat64" } },
  { name: "NAT64 metadata, hex", input: "64:ff9b::a9fe:a9fe", expected: { range: "link_local", via: "nat64" } },
  { name: "NAT64 172.16", input: "64:ff9b::ac10:1", expected: { range: "private", via: "nat64" } },
  { name: "NAT64 public", input: "64:ff9b::808:808", expected: "allowed" },
  { name: "6to4 of 127.0.0.1", input: "2002:7f00:1::", expected: { range: "loopback", via: "6to4" } },
  { name: "6to4 of 10.0.0.1, host bits set", input: "2002:a00:1:1::1", expected: { range: "private", via: "6to4" } },
  { name: "6to4 of metadata", input: "2002:a9fe:a9fe::1", expected: { range: "link_local", via: "6to4" } },
  { name: "6to4 of public", input: "2002:808:808::1", expected: "allowed" },
];

// Only canonical text is accepted; anything else must fail closed, never pass as "allowed".
const unparseableCases: Case[] = [
  { name: "short IPv4", input: "127.1", expected: { range: "unparseable" } },
  { name: "decimal IPv4", input: "2130706433", expected: { range: "unparseable" } },
  { name: "hex IPv4", input: "0x7f.0.0.1", expected: { range: "unparseable" } },
  { name: "leading-zero (octal) IPv4", input: "010.0.0.1", expected: { range: "unparseable" } },
  { name: "bracketed IPv6", input: "[::1]", expected: { range: "unparseable" } },
  { name: "hostname", input: "example.com", expected: { range: "unparseable" } },
  { name: "empty", input: "", expected: { range: "unparseable" } },
];

describe("classifyAddress", () => {
  it.each([...ipv4Cases, ...ipv6Cases, ...embeddedCases, ...unparseableCases])(
    "$name: $input",
    ({ input, expected }) => {
      const verdict = classifyAddress(input);
      if (expected === "allowed") {
        expect(verdict).toEqual({ blocked: false });
      } else {
        expect(verdict).toMatchObject({ blocked: true, ...expected });
        if (!expected.via) expect(verdict).not.toHaveProperty("via");
      }
    },
  );

  it("should name the CIDR that matched, for the attempt log", () => {
    expect(classifyAddress("172.20.1.1")).toEqual({ blocked: true, range: "private", cidr: "172.16.0.0/12" });
    expect(classifyAddress("::ffff:10.1.2.3")).toEqual({
      blocked: true,
      range: "private",
      cidr: "10.0.0.0/8",
      via: "ipv4_mapped",
    });
  });

  // Property: wrapping any IPv4 in any IPv6 carrier never changes the verdict's range.
  it("should classify every IPv4 the same inside mapped, compatible, translated, NAT64 and 6to4 forms", () => {
    const octets = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255));
    fc.assert(
      fc.property(octets, ([a, b, c, d]) => {
        const dotted = `${a}.${b}.${c}.${d}`;
        const high = ((a << 8) | b).toString(16);
        const low = ((c << 8) | d).toString(16);
        const direct = classifyAddress(dotted);
        const carriers = [
          `::ffff:${dotted}`,
          `::ffff:0:${high}:${low}`,
          `64:ff9b::${dotted}`,
          `2002:${high}:${low}::1`,
        ];
        // ::0.0.0.0 and ::0.0.0.1 are the unspecified and loopback addresses, not IPv4.
        if (a !== 0 || b !== 0 || c !== 0 || d > 1) carriers.push(`::${dotted}`);
        for (const carrier of carriers) {
          const verdict = classifyAddress(carrier);
          expect(verdict.blocked).toBe(direct.blocked);
          if (verdict.blocked && direct.blocked) expect(verdict.range).toBe(direct.range);
        }
      }),
      { numRuns: 2000 },
    );
  });

  // Property: the verdict depends on the address, not its spelling. WHATWG URL is the
  // reference for the canonical spelling (it is what turns an endpoint URL into a host).
  it("should classify any IPv6 spelling like its canonical form", () => {
    fc.assert(
      fc.property(fc.ipV6(), (address) => {
        const canonical = new URL(`http://[${address}]/`).hostname.slice(1, -1);
        const verdict = classifyAddress(address);
        expect(verdict).toEqual(classifyAddress(canonical));
        if (verdict.blocked) expect(verdict.range).not.toBe("unparseable");
      }),
      { numRuns: 5000 },
    );
  });
});
