// Decides whether an IP address may be the target of an outgoing webhook. The two tables below
// ARE the SSRF policy: a tenant controls the URL (and its DNS), so without them a webhook could
// reach the worker's own host, the operator's private network or the cloud metadata service.
// The tables are written out instead of trusting ipaddr.js's range names, so that a library
// upgrade can never silently change what is blocked, and a reviewer can audit each line.
import { isIP } from "node:net";
import ipaddr from "ipaddr.js";

export type BlockedRange =
  | "this_network"
  | "loopback"
  | "private"
  | "cgnat"
  | "link_local"
  | "ietf_protocol"
  | "documentation"
  | "benchmarking"
  | "multicast"
  | "reserved"
  | "broadcast"
  | "unspecified"
  | "unique_local"
  | "unparseable";

/** How an IPv4 address was carried inside an IPv6 one, when that is what got it blocked. */
export type Ipv4Embedding = "ipv4_mapped" | "ipv4_compatible" | "ipv4_translated" | "nat64" | "6to4";

export type AddressVerdict =
  { blocked: false } | { blocked: true; range: BlockedRange; cidr?: string; via?: Ipv4Embedding };

type Rule = { cidr: string; range: BlockedRange };

const BLOCKED_IPV4: readonly Rule[] = [
  // "This network" (RFC 1122); Linux treats 0.0.0.0 as the local host.
  { cidr: "0.0.0.0/8", range: "this_network" },
  // RFC 1918 private networks: the operator's LAN or VPC, where the database lives.
  { cidr: "10.0.0.0/8", range: "private" },
  { cidr: "172.16.0.0/12", range: "private" },
  { cidr: "192.168.0.0/16", range: "private" },
  // Shared address space (RFC 6598, carrier-grade NAT); clouds and Kubernetes use it internally.
  { cidr: "100.64.0.0/10", range: "cgnat" },
  // Loopback: the worker's own host, with its admin ports and local services.
  { cidr: "127.0.0.0/8", range: "loopback" },
  // Link-local (RFC 3927); holds the cloud metadata service at 169.254.169.254 (credentials).
  { cidr: "169.254.0.0/16", range: "link_local" },
  // IETF protocol assignments (RFC 6890): DS-Lite, NAT64 discovery; never a public receiver.
  { cidr: "192.0.0.0/24", range: "ietf_protocol" },
  // TEST-NET-1/2/3 (RFC 5737): documentation only, so a real target here means something odd.
  { cidr: "192.0.2.0/24", range: "documentation" },
  { cidr: "198.51.100.0/24", range: "documentation" },
  { cidr: "203.0.113.0/24", range: "documentation" },
  // Benchmarking (RFC 2544): lab networks, typically internal.
  { cidr: "198.18.0.0/15", range: "benchmarking" },
  // Multicast (RFC 5771): not a unicast HTTP peer.
  { cidr: "224.0.0.0/4", range: "multicast" },
  // Limited broadcast sits inside 240/4; listed first so it gets its own, clearer label.
  { cidr: "255.255.255.255/32", range: "broadcast" },
  // Former class E, reserved (RFC 1112): unroutable, so only a local trick could reach it.
  { cidr: "240.0.0.0/4", range: "reserved" },
];

const BLOCKED_IPV6: readonly Rule[] = [
  // Connecting to :: reaches the local host, like 0.0.0.0.
  { cidr: "::/128", range: "unspecified" },
  { cidr: "::1/128", range: "loopback" },
  // Link-local (RFC 4291): the local segment only.
  { cidr: "fe80::/10", range: "link_local" },
  // Unique local addresses (RFC 4193): IPv6's private networks; AWS serves metadata at
  // fd00:ec2::254, inside this range.
  { cidr: "fc00::/7", range: "unique_local" },
  // Deprecated site-local (RFC 3879): old private addressing some networks still route.
  { cidr: "fec0::/10", range: "private" },
  // Local-use NAT64 prefix (RFC 8215): translates into the operator's own network.
  { cidr: "64:ff9b:1::/48", range: "private" },
  { cidr: "ff00::/8", range: "multicast" },
  // Documentation (RFC 3849).
  { cidr: "2001:db8::/32", range: "documentation" },
];

type Embedding = { cidr: string; via: Ipv4Embedding; offset: number };

// IPv6 forms that end up talking to an IPv4 address, and where its 4 bytes sit. Without these,
// [::ffff:127.0.0.1] or a NAT64/6to4 address would smuggle a blocked IPv4 target past the table.
// A public IPv4 inside them stays allowed (NAT64 to the Internet is legitimate).
const IPV4_EMBEDDINGS: readonly Embedding[] = [
  // ::ffff:a.b.c.d (RFC 4291): a dual-stack socket connects to a.b.c.d itself.
  { cidr: "::ffff:0:0/96", via: "ipv4_mapped", offset: 12 },
  // ::a.b.c.d, deprecated (RFC 4291), still treated as IPv4 by some stacks.
  { cidr: "::/96", via: "ipv4_compatible", offset: 12 },
  // ::ffff:0:a.b.c.d (RFC 2765 SIIT): a translator forwards to a.b.c.d.
  { cidr: "::ffff:0:0:0/96", via: "ipv4_translated", offset: 12 },
  // 64:ff9b::a.b.c.d well-known NAT64 prefix (RFC 6052): the gateway forwards to a.b.c.d.
  { cidr: "64:ff9b::/96", via: "nat64", offset: 12 },
  // 2002:AABB:CCDD::/48 6to4 (RFC 3056): a relay tunnels to the IPv4 in bytes 2–5.
  { cidr: "2002::/16", via: "6to4", offset: 2 },
];

// Parsed once at load, so a typo in a table fails at start-up, not on the first webhook.
const IPV4_RULES = BLOCKED_IPV4.map((rule) => ({ ...rule, net: ipaddr.IPv4.parseCIDR(rule.cidr) }));
const IPV6_RULES = BLOCKED_IPV6.map((rule) => ({ ...rule, net: ipaddr.IPv6.parseCIDR(rule.cidr) }));
const EMBEDDING_RULES = IPV4_EMBEDDINGS.map((rule) => ({ ...rule, net: ipaddr.IPv6.parseCIDR(rule.cidr) }));

function classifyIpv4(address: ipaddr.IPv4): AddressVerdict {
  const rule = IPV4_RULES.find((candidate) => address.match(candidate.net));
  return rule ? { blocked: true, range: rule.range, cidr: rule.cidr } : { blocked: false };
}

function classifyIpv6(address: ipaddr.IPv6): AddressVerdict {
  // Checked before the embeddings: ::1 and :: sit inside ::/96 but deserve their own label.
  const rule = IPV6_RULES.find((candidate) => address.match(candidate.net));
  if (rule) return { blocked: true, range: rule.range, cidr: rule.cidr };
  const embedding = EMBEDDING_RULES.find((candidate) => address.match(candidate.net));
  if (!embedding) return { blocked: false };
  const bytes = address.toByteArray().slice(embedding.offset, embedding.offset + 4);
  const inner = classifyIpv4(new ipaddr.IPv4(bytes));
  return inner.blocked ? { ...inner, via: embedding.via } : inner;
}

/**
 * Parses IPv6 text exactly as node:net does. ipaddr.js deliberately reads "::a.b.c.d" as the
 * mapped "::ffff:a.b.c.d", a different address, so the dotted tail is rewritten as two hex
 * groups first. The zone id ("%eth0") names an interface, not an address, so it is dropped.
 */
function parseIpv6(address: string): ipaddr.IPv6 {
  const withoutZone = address.split("%", 1)[0] ?? address;
  const tail = /^(.*:)(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(withoutZone);
  if (!tail) return ipaddr.IPv6.parse(withoutZone);
  const [a, b, c, d] = tail.slice(2).map(Number) as [number, number, number, number];
  const high = ((a << 8) | b).toString(16);
  const low = ((c << 8) | d).toString(16);
  return ipaddr.IPv6.parse(`${tail[1]}${high}:${low}`);
}

/**
 * Classifies one IP address in canonical text form (dotted IPv4 or any valid IPv6, optionally
 * with a zone id). Anything else, including "127.1" or "0x7f.0.0.1", is refused as
 * "unparseable": callers normalise URLs with WHATWG URL first, and an address we cannot read
 * must never be assumed safe.
 */
export function classifyAddress(address: string): AddressVerdict {
  // node:net is the gate because it is what will connect; ipaddr.js alone would read
  // "010.0.0.1" as octal 8.0.0.1, a different address from the one a socket would use.
  const family = isIP(address);
  try {
    if (family === 4) return classifyIpv4(ipaddr.IPv4.parse(address));
    if (family === 6) return classifyIpv6(parseIpv6(address));
  } catch {
    // node:net accepted it but ipaddr.js did not: fail closed rather than guess.
  }
  return { blocked: true, range: "unparseable" };
}
