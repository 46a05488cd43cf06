import type { Response } from 'express';
import type { Actor } from '../features/accounts/actor';

/**
 * Browsers ask again every time (max-age=0) but an unchanged answer is a bodiless 304 by
 * its ETag, so a visitor refetching after a live `quest:*` event never sees an old map.
 * Shared caches (a CDN) may serve one copy to everybody for a few seconds.
 */
const SHARED_MAX_AGE_S = 10;
const SHARED_STALE_S = 30;

/**
 * Marks a public read as shareable when nobody is signed in. Visitors all get the same
 * bytes, so no `Vary: Cookie` (which would stop most CDNs from caching at all); signed-in
 * answers keep the `no-store` they were given before the handler ran (`headers.ts`).
 */
export function shareableForVisitors(res: Response, actor: Actor | null): void {
  if (actor) return;
  res.setHeader(
    'Cache-Control',
    `public, max-age=0, s-maxage=${SHARED_MAX_AGE_S}, stale-while-revalidate=${SHARED_STALE_S}`,
  );
}
