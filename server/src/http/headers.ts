import type { RequestHandler } from 'express';

/**
 * Signed-in answers carry personal data, so no browser or shared cache may keep a copy.
 * A route that serves everyone the same bytes (open data) or an immutable private file (a
 * photo) may still set its own Cache-Control after this.
 */
export const noStoreWhenSignedIn: RequestHandler = (req, res, next) => {
  if (req.session?.userId) res.setHeader('Cache-Control', 'no-store');
  next();
};
