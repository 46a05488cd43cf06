/**
 * `TRUST_PROXY`: which peers may tell us the client's address (X-Forwarded-For) and scheme
 * (X-Forwarded-Proto). Unset trusts nobody, so `req.ip` is the socket's address and a client
 * cannot pick its own rate-limit bucket by sending a header.
 */
import { isIP } from 'node:net';
import { z } from 'zod';

/** Express's value for `app.set('trust proxy', …)`: no one, a hop count, or addresses. */
export type TrustProxy = false | number | string[];

/** Names Express (proxy-addr) knows for address ranges. */
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrRange(item: string): boolean {
  if (NAMED_RANGES.has(item)) return true;
  const [address = '', prefix, ...rest] = item.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (version === 4 ? 32 : 128);
}

const MESSAGE =
  'use a hop count (1, 2, …) or a comma list of addresses, CIDR ranges, loopback, linklocal or uniquelocal';

export const ZTrustProxy = z
  .string()
  .transform((value, ctx): TrustProxy => {
    const trimmed = value.trim();
    if (/^\d+$/.test(trimmed)) {
      const hops = Number(trimmed);
      if (hops > 32) ctx.addIssue({ code: 'custom', message: MESSAGE });
      return hops === 0 ? false : hops;
    }
    const items = trimmed.split(',').map((s) => s.trim());
    if (items.length === 0 || !items.every(isAddressOrRange)) {
      ctx.addIssue({ code: 'custom', message: MESSAGE });
      return z.NEVER;
    }
    return items;
  })
  .default(false);
