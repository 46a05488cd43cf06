import { describe, expect, it } from 'vitest';
import { ZTrustProxy } from './trust-proxy';

describe('TRUST_PROXY', () => {
  it.each([
    [undefined, false],
    ['0', false],
    ['1', 1],
    ['loopback', ['loopback']],
    ['10.0.0.0/8, loopback', ['10.0.0.0/8', 'loopback']],
    ['::1/128,192.168.1.10', ['::1/128', '192.168.1.10']],
  ])('reads %s', (value, expected) => {
    expect(ZTrustProxy.parse(value)).toEqual(expected);
  });

  it.each(['true', 'anyone', '10.0.0.0/33', '10.0.0/8', '99', 'loopback,'])(
    'refuses %s',
    (value) => {
      expect(ZTrustProxy.safeParse(value).success).toBe(false);
    },
  );
});
