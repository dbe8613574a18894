/**
 * Webhook targets must be on the public internet (SSRF, docs/security.md): a company admin must not make our servers
 * post to the cloud's metadata service, to localhost or into the private network. Pure address arithmetic; resolving a
 * name and pinning the connection to the checked address is the transport's (adapters/webhook/fetch-transport.ts).
 */

type V4 = [number, number, number, number];

const V4_BLOCKED: [V4, number, string][] = [
  [[0, 0, 0, 0], 8, "this network"],
  [[10, 0, 0, 0], 8, "private"],
  [[100, 64, 0, 0], 10, "carrier-grade NAT"],
  [[127, 0, 0, 0], 8, "loopback"],
  [[169, 254, 0, 0], 16, "link-local / metadata"],
  [[172, 16, 0, 0], 12, "private"],
  [[192, 0, 0, 0], 24, "IETF protocol assignments"],
  [[192, 0, 2, 0], 24, "documentation"],
  [[192, 168, 0, 0], 16, "private"],
  [[198, 18, 0, 0], 15, "benchmarking"],
  [[198, 51, 100, 0], 24, "documentation"],
  [[203, 0, 113, 0], 24, "documentation"],
  [[224, 0, 0, 0], 4, "multicast"],
  [[240, 0, 0, 0], 4, "reserved / broadcast"],
];

function parseV4(text: string): V4 | null {
  const parts = text.split(".");
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p))) return null;
  const n = parts.map(Number);
  return n.every((x) => x <= 255) ? (n as V4) : null;
}

const v4Number = (a: V4) => ((a[0] << 24) >>> 0) + (a[1] << 16) + (a[2] << 8) + a[3];

function v4Blocked(a: V4): string | null {
  const value = v4Number(a);
  for (const [base, bits, why] of V4_BLOCKED) {
    const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
    if (((value & mask) >>> 0) === ((v4Number(base) & mask) >>> 0)) return why;
  }
  return null;
}

/** Eight 16-bit groups, or null when not an IPv6 address (a zone id, "%eth0", is dropped). */
function parseV6(text: string): number[] | null {
  let s = text.replace(/^\[|\]$/g, "").split("%")[0]!.toLowerCase();
  if (!s.includes(":")) return null;
  const tail: number[] = [];
  const v4 = /:(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (v4) {
    const a = parseV4(v4[1]!);
    if (!a) return null;
    tail.push((a[0] << 8) | a[1], (a[2] << 8) | a[3]);
    s = s.slice(0, v4.index) + ":";
  }
  const halves = s.split("::");
  if (halves.length > 2) return null;
  const groups = (h: string) => (h === "" ? [] : h.split(":").filter((g, i, all) => !(g === "" && i === all.length - 1)));
  const head = groups(halves[0]!);
  const rest = halves.length === 2 ? groups(halves[1]!) : [];
  if (![...head, ...rest].every((g) => /^[0-9a-f]{1,4}$/.test(g))) return null;
  const known = head.length + rest.length + tail.length;
  if (halves.length === 1 ? known !== 8 : known > 7) return null;
  const zeros = halves.length === 2 ? new Array<number>(8 - known).fill(0) : [];
  return [...head.map((g) => parseInt(g, 16)), ...zeros, ...rest.map((g) => parseInt(g, 16)), ...tail];
}

const embeddedV4 = (g: number[]): V4 => [g[6]! >> 8, g[6]! & 255, g[7]! >> 8, g[7]! & 255];

function v6Blocked(g: number[]): string | null {
  const zeroUpTo = (n: number) => g.slice(0, n).every((x) => x === 0);
  if (zeroUpTo(7) && g[7] === 0) return "unspecified";
  if (zeroUpTo(7) && g[7] === 1) return "loopback";
  if (zeroUpTo(5) && g[5] === 0xffff) return v4Blocked(embeddedV4(g)); // IPv4-mapped ::ffff:a.b.c.d
  if (zeroUpTo(6)) return "IPv4-compatible";
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)) return v4Blocked(embeddedV4(g)); // NAT64
  if ((g[0]! & 0xfe00) === 0xfc00) return "unique local (fc00::/7)";
  if ((g[0]! & 0xffc0) === 0xfe80) return "link-local (fe80::/10)";
  if ((g[0]! & 0xffc0) === 0xfec0) return "site-local (fec0::/10)";
  if ((g[0]! & 0xff00) === 0xff00) return "multicast";
  if (g[0] === 0x2001 && g[1] === 0x0db8) return "documentation";
  if (g[0] === 0x2002) return v4Blocked([g[1]! >> 8, g[1]! & 255, g[2]! >> 8, g[2]! & 255]); // 6to4
  return null;
}

/** Whether `text` is an IP address literal (v4 or v6). */
export function isIpLiteral(text: string): boolean {
  return parseV4(text) !== null || parseV6(text) !== null;
}

/**
 * Why an address may not receive webhooks (loopback, private, link-local / metadata …), or null for a public address.
 * Something that is not an address at all is refused too ("not an IP address").
 */
export function privateAddressReason(address: string): string | null {
  const v4 = parseV4(address);
  if (v4) return v4Blocked(v4);
  const v6 = parseV6(address);
  if (v6) return v6Blocked(v6);
  return "not an IP address";
}
