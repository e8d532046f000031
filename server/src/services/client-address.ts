// Who is asking, for rate limits and sign-in failures: an IPv4 address as it is, an IPv6 address by
// its /64 network. One home or phone gets a whole /64, so counting each of its 2^64 addresses apart
// would let one person look like endless strangers.

/** The key an address is counted under: `203.0.113.7`, or `2001:db8:0:1::/64`. */
export function addressKey(address: string): string {
  const ip = address.split('%')[0].toLowerCase();
  // IPv4 reaching an IPv6 socket (::ffff:203.0.113.7) is IPv4.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(ip);
  if (mapped) return mapped[1];
  if (!ip.includes(':')) return ip;
  const [head, tail] = ip.includes('::') ? ip.split('::') : [ip, undefined];
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const missing = tail === undefined ? 0 : 8 - headGroups.length - tailGroups.length;
  const groups = [...headGroups, ...Array(Math.max(0, missing)).fill('0'), ...tailGroups];
  const network = groups.slice(0, 4).map((group) => (Number.parseInt(group || '0', 16) || 0).toString(16));
  return `${network.join(':')}::/64`;
}
