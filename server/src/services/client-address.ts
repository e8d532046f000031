// Who is asking, for rate limits and sign-in failures: an IPv4 address as it is, an IPv6 address by
// its /64 network. One home or phone gets a whole /64, so counting each of its 2^64 addresses apart
// would let one person look like endless strangers.

/**
 * An address as one host has it: without a zone id, and an IPv4 address reaching an IPv6 socket
 * (`::ffff:203.0.113.7`, or in hex `::ffff:cb00:7107`) as the IPv4 address it is.
 */
export function plainAddress(address: string): string {
  const ip = address.split('%')[0].toLowerCase();
  const dotted = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(ip);
  if (dotted) return dotted[1];
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(ip);
  if (hex) {
    const [high, low] = [Number.parseInt(hex[1], 16), Number.parseInt(hex[2], 16)];
    return [high >> 8, high & 255, low >> 8, low & 255].join('.');
  }
  return ip;
}

/** The key an address is counted under: `203.0.113.7`, or `2001:db8:0:1::/64`. */
export function addressKey(address: string): string {
  const ip = plainAddress(address);
  if (!ip.includes(':')) return ip;
  const [head, tail] = ip.includes('::') ? ip.split('::') : [ip, undefined];
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const missing = tail === undefined ? 0 : 8 - headGroups.length - tailGroups.length;
  const groups = [...headGroups, ...Array(Math.max(0, missing)).fill('0'), ...tailGroups];
  const network = groups.slice(0, 4).map((group) => (Number.parseInt(group || '0', 16) || 0).toString(16));
  return `${network.join(':')}::/64`;
}
