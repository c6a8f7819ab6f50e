import { isIP } from "node:net";

/**
 * Which AWS endpoint overrides the console may send signed requests to.
 * Outside the sandbox, never to link-local or cloud metadata addresses: the
 * console's own instance credentials live there, and a request that reaches
 * them (or tells an open port from a closed one) is a server-side request
 * forgery. Pure: the caller supplies the mode and any resolved addresses.
 */
const METADATA_HOSTNAMES = new Set(["metadata", "metadata.google.internal", "instance-data", "instance-data.ec2.internal"]);

function ipv4Parts(address: string): number[] | undefined {
  if (isIP(address) !== 4) return undefined;
  return address.split(".").map(Number);
}

/** Expands an IPv6 address to eight 16-bit groups. */
function ipv6Groups(address: string): number[] | undefined {
  if (isIP(address) !== 6) return undefined;
  let text = address.toLowerCase();
  const zone = text.indexOf("%");
  if (zone >= 0) text = text.slice(0, zone);
  // An embedded IPv4 tail (::ffff:169.254.169.254) becomes two groups.
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4?.[1]) {
    const p = v4[1].split(".").map(Number);
    text = text.replace(v4[1], `${(((p[0] ?? 0) << 8) | (p[1] ?? 0)).toString(16)}:${(((p[2] ?? 0) << 8) | (p[3] ?? 0)).toString(16)}`);
  }
  const [head = "", tail] = text.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const missing = tail === undefined ? 0 : 8 - left.length - right.length;
  const groups = [...left, ...Array<string>(missing).fill("0"), ...right].map((g) => parseInt(g, 16));
  return groups.length === 8 && groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? groups : undefined;
}

/** Link-local, unspecified, or a known metadata service address. */
export function isForbiddenAddress(address: string): boolean {
  const v4 = ipv4Parts(address);
  if (v4) {
    const [a, b] = v4;
    if (a === 169 && b === 254) return true; // link-local: EC2/ECS metadata (169.254.169.254, 169.254.170.2)
    if (a === 0) return true; // "this network", reaches local services on some systems
    if (a === 100 && b === 100 && v4[2] === 100 && v4[3] === 200) return true; // Alibaba metadata
    if (a === 192 && b === 0 && v4[2] === 0 && v4[3] === 192) return true; // Oracle metadata
    return false;
  }
  const g = ipv6Groups(address);
  if (!g) return false;
  if (g.every((x) => x === 0)) return true; // ::
  if (((g[0] ?? 0) & 0xffc0) === 0xfe80) return true; // fe80::/10 link-local
  if (g[0] === 0xfd00 && g[1] === 0x0ec2 && g.slice(2, 7).every((x) => x === 0) && g[7] === 0x254) return true; // EC2 IMDS over IPv6
  // IPv4-mapped (::ffff:a.b.c.d) and IPv4-compatible forms of a forbidden IPv4 address.
  if (g.slice(0, 5).every((x) => x === 0) && (g[5] === 0xffff || g[5] === 0)) {
    const hi = g[6] ?? 0;
    const lo = g[7] ?? 0;
    return isForbiddenAddress(`${hi >> 8}.${hi & 0xff}.${lo >> 8}.${lo & 0xff}`);
  }
  return false;
}

function hostnameOf(url: URL): string {
  // URL keeps IPv6 literals in brackets.
  return url.hostname.replace(/^\[|\]$/g, "").toLowerCase().replace(/\.$/, "");
}

/**
 * Why an endpoint may not be used, or undefined when it may. `resolved` are
 * the addresses its hostname resolves to, when the caller looked them up.
 */
export function endpointRefusal(endpoint: string, mode: "sandbox" | "aws", resolved: readonly string[] = []): string | undefined {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return "Use a full http(s) URL.";
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return "Use a full http(s) URL.";
  if (url.username || url.password) return "Leave credentials out of the URL.";
  if (mode === "sandbox") return undefined;
  const host = hostnameOf(url);
  if (METADATA_HOSTNAMES.has(host) || isForbiddenAddress(host) || resolved.some(isForbiddenAddress)) {
    return "Link-local and cloud metadata addresses cannot be used as an AWS endpoint.";
  }
  return undefined;
}
