import type { RequestHandler, Request } from 'express';
import session from 'express-session';
import RedisStore from 'connect-redis';
import type { Config } from '../../config';
import type { Redis } from '../../redis/connection';

declare module 'express-session' {
  interface SessionData {
    userId: string;
  }
}

export const SESSION_COOKIE = 'gc.sid';
const THIRTY_DAYS_MS = 30 * 24 * 3600 * 1000;

/** express-session with its store in Redis; the same middleware serves Socket.IO handshakes. */
export function createSessionMiddleware(
  config: Config,
  redis: Redis,
  prefix: string,
): RequestHandler {
  return session({
    name: SESSION_COOKIE,
    secret: config.SESSION_SECRET,
    store: new RedisStore({ client: redis, prefix: `${prefix}:sess:` }),
    resave: false,
    saveUninitialized: false,
    rolling: true,
    proxy: config.secureCookies,
    cookie: {
      httpOnly: true,
      sameSite: 'lax',
      secure: config.secureCookies,
      maxAge: THIRTY_DAYS_MS,
      path: '/',
    },
  });
}

/** Issues a fresh session id on sign-in so a planted id cannot be ridden (session fixation). */
export function startSession(req: Request, userId: string): Promise<void> {
  return new Promise((resolve, reject) => {
    req.session.regenerate((err) => {
      if (err) return reject(err);
      req.session.userId = userId;
      req.session.save((saveErr) => (saveErr ? reject(saveErr) : resolve()));
    });
  });
}

export function endSession(req: Request): Promise<void> {
  return new Promise((resolve, reject) =>
    req.session.destroy((err) => (err ? reject(err) : resolve())),
  );
}
