import { describe, expect, it } from 'vitest';
import { addressKey } from './client-address.js';

describe('addressKey', () => {
  it('counts an IPv4 address as itself, also when it reaches an IPv6 socket', () => {
    expect(addressKey('203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('::ffff:cb00:7107')).toBe('203.0.113.7');
    expect(addressKey('::ffff:c000:201')).not.toBe(addressKey('::ffff:c000:202'));
  });

  it('counts every address of one IPv6 /64 network as one', () => {
    const keys = ['2001:db8:0:1::1', '2001:db8:0:1:ffff:ffff:ffff:ffff', '2001:0DB8:0000:0001:a:b:c:d', '2001:db8::1:1:2:3:4'].map(addressKey);
    expect(new Set(keys)).toEqual(new Set(['2001:db8:0:1::/64']));
    expect(addressKey('2001:db8:0:2::1')).toBe('2001:db8:0:2::/64');
  });

  it('reads the short forms and zone ids of loopback and link-local addresses', () => {
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
  });
});
