/**
 * Admin routes that the admin commands call: a platform admin's session, or the bearer
 * token the running server wrote to DATA_DIR (`admin/admin-token.ts`). A token call has
 * no person behind it, so its handler sees `actor` null.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';

export const ADMIN_TOKEN_OR_PLATFORM_ADMIN = { kind: 'platform-admin', adminToken: true } as const;

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Answers whether a request carries `token` as its bearer; never true without a token. */
export function adminTokenCheck(token: string | null): (req: Request) => boolean {
  if (!token) return () => false;
  const expected = digest(token);
  return (req) => {
    const header = req.get('authorization');
    if (!header?.startsWith('Bearer ')) return false;
    return timingSafeEqual(digest(header.slice('Bearer '.length).trim()), expected);
  };
}
