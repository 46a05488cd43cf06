import type { RequestHandler, Request } from 'express';
import session from 'express-session';
import RedisStore from 'connect-redis';
import type { Config } from '../../config';
import { dependencyOutageError } from '../../http/dependency-errors';
import type { AppError } from '../../lib/errors';
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

/**
 * Runs the session middleware only when it can matter: a read (GET/HEAD) without our
 * cookie has no session to load and starts none (sign-in is a POST), so it skips the
 * session store and the per-request session object. Writes always get a session.
 */
export function sessionOnlyWhenPresent(sessions: RequestHandler): RequestHandler {
  const marker = `${SESSION_COOKIE}=`;
  return (req, res, next) => {
    const isRead = req.method === 'GET' || req.method === 'HEAD';
    if (isRead && !req.headers.cookie?.includes(marker)) return next();
    sessions(req, res, next);
  };
}

const OUTAGE = Symbol('session store outage');
type WithOutage = Request & { [OUTAGE]?: AppError };

/**
 * Lets a request go on when the session store does not answer, remembering why: public
 * reads are then served as to a visitor, and everything that needs the session answers 503
 * (see `sessionOutageOf`), instead of every request failing with the store.
 */
export function toleratingSessionOutage(sessions: RequestHandler): RequestHandler {
  return (req, res, next) => {
    // express-session calls back a second time, with an error, when extending the session
    // at the end of a response fails; the answer is written anyway, and an outage there only
    // means the session is not extended this time.
    let movedOn = false;
    sessions(req, res, (err?: unknown) => {
      const outage = err ? dependencyOutageError(err) : null;
      if (movedOn && outage) return;
      movedOn = true;
      if (!outage) return next(err);
      (req as WithOutage)[OUTAGE] = outage;
      next();
    });
  };
}

/** The 503 to answer when this request's session could not be read, or null. */
export function sessionOutageOf(req: Request): AppError | null {
  return (req as WithOutage)[OUTAGE] ?? null;
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
