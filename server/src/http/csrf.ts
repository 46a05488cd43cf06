import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import express, { type RequestHandler } from 'express';
import { AppError } from '../lib/errors';
import type { TrustProxy } from './trust-proxy';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The one origin rule, for HTTP requests and Socket.IO handshakes alike: refused when the
 * browser marks it cross-site or its Origin is not `own`. Without Origin (curl, tests,
 * server-to-server) no ambient browser cookies come along by accident, so it passes.
 * Answers why it is refused, or null.
 */
export function originRefusal(
  origin: string | undefined,
  fetchSite: string | undefined,
  own: string,
): string | null {
  if (fetchSite === 'cross-site') return 'cross-site requests are not allowed';
  if (origin && origin !== own) return `requests from ${origin} are not allowed`;
  return null;
}

/**
 * CSRF defence by origin: a state-changing request that a browser marks as cross-site, or
 * whose Origin is not this server's, is refused. Session cookies are SameSite=Lax as well.
 */
export function originCheck(publicUrl: string | undefined): RequestHandler {
  const allowed = publicUrl ? new URL(publicUrl).origin : null;
  return (req, _res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const own = allowed ?? `${req.protocol}://${req.get('host')}`;
    const refusal = originRefusal(req.get('origin'), req.get('sec-fetch-site'), own);
    next(refusal ? new AppError('csrf', refusal) : undefined);
  };
}

export type AllowRequest = (
  req: IncomingMessage,
  fn: (err: string | null | undefined, success: boolean) => void,
) => void;

const first = (header: string | string[] | undefined): string | undefined =>
  (Array.isArray(header) ? header[0] : header)?.split(',')[0]?.trim() || undefined;

/**
 * The same rule for Socket.IO handshakes, which reach the server as bare Node requests: the
 * scheme is worked out as Express's `req.protocol` does (X-Forwarded-Proto only from a
 * trusted proxy), so a handshake is judged exactly like a request to the same address.
 */
export function handshakeOriginCheck(
  publicUrl: string | undefined,
  trustProxy: TrustProxy,
): AllowRequest {
  const allowed = publicUrl ? new URL(publicUrl).origin : null;
  const trusted = express().set('trust proxy', trustProxy).get('trust proxy fn') as (
    address: string | undefined,
    hop: number,
  ) => boolean;
  const protocolOf = (req: IncomingMessage): string => {
    const own = (req.socket as TLSSocket).encrypted ? 'https' : 'http';
    if (!trusted(req.socket.remoteAddress, 0)) return own;
    return first(req.headers['x-forwarded-proto']) ?? own;
  };
  return (req, fn) => {
    const own = allowed ?? `${protocolOf(req)}://${req.headers.host ?? ''}`;
    const refusal = originRefusal(
      first(req.headers.origin),
      first(req.headers['sec-fetch-site']),
      own,
    );
    fn(refusal, refusal === null);
  };
}
