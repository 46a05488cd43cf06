/**
 * Serves the built client. Vite names every file under `assets/` by its content hash, so a
 * browser or CDN may keep those for a year without asking again; the HTML shell and the
 * unhashed files beside it (manifest, icons, service worker) are revalidated on every visit so
 * a new release is picked up at once.
 */
import path from 'node:path';
import express, { type Router } from 'express';
import { notFoundHandler } from './error-handler';

const YEAR_SECONDS = 365 * 24 * 60 * 60;
export const HASHED_ASSET_CACHE = `public, max-age=${YEAR_SECONDS}, immutable`;
export const REVALIDATE_CACHE = 'no-cache';

/** Paths the single-page shell answers; everything the server itself owns is left alone. */
const CLIENT_ROUTE = /^\/(?!api\/|socket\.io\/|open311\/|metrics$).*/;

export function staticClient(dist: string): Router {
  const router = express.Router();
  router.use(
    '/assets',
    express.static(path.join(dist, 'assets'), {
      index: false,
      setHeaders: (res) => res.setHeader('Cache-Control', HASHED_ASSET_CACHE),
    }),
  );
  // A missing hashed file is a 404, never the HTML shell served as script.
  router.use('/assets', notFoundHandler);
  router.use(
    express.static(dist, {
      index: false,
      cacheControl: false,
      setHeaders: (res) => res.setHeader('Cache-Control', REVALIDATE_CACHE),
    }),
  );
  router.get(CLIENT_ROUTE, (_req, res) => {
    res.setHeader('Cache-Control', REVALIDATE_CACHE);
    res.sendFile(path.join(dist, 'index.html'));
  });
  return router;
}
