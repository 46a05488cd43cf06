import type { RequestHandler } from 'express';
import { AppError } from '../lib/errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF defence by origin: a state-changing request that a browser marks as cross-site, or
 * whose Origin is not this server's, is refused. Session cookies are SameSite=Lax as well.
 * Requests without Origin (curl, server-to-server) carry no ambient browser cookies by
 * accident, so they pass.
 */
export function originCheck(publicUrl: string | undefined): RequestHandler {
  const allowed = publicUrl ? new URL(publicUrl).origin : null;
  return (req, _res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const fetchSite = req.get('sec-fetch-site');
    if (fetchSite === 'cross-site')
      return next(new AppError('csrf', 'cross-site requests are not allowed'));
    const origin = req.get('origin');
    if (!origin) return next();
    const own = allowed ?? `${req.protocol}://${req.get('host')}`;
    if (origin !== own)
      return next(new AppError('csrf', `requests from ${origin} are not allowed`));
    next();
  };
}
