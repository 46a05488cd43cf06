import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from '../lib/logger';
import { AppError } from '../lib/errors';
import { DEPENDENCY_RETRY_AFTER_SECONDS } from './dependency-errors';
import { recogniseError } from './known-errors';

export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new AppError('not_found', `no route for ${req.method} ${req.path}`));
};

/**
 * The one place an error becomes an HTTP answer. Errors the client caused are recognised
 * by the table in `known-errors.ts`; anything else is ours: logged with the request id and
 * answered 500. Never sends a stack trace.
 */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const requestId = String(req.id ?? '');
    const known = recogniseError(err, req);
    if (res.headersSent) return;
    if (known) {
      const { error } = known;
      if (!(err instanceof AppError)) {
        // A dependency outage is worth an operator's eye; a malformed request is not.
        const level = error.status >= 500 ? 'warn' : 'debug';
        logger[level]({ requestId, recognisedAs: known.rule.recognises }, error.message);
      }
      // A 503 always says when to come back, so clients and proxies wait instead of hammering.
      const retryAfter =
        error.extra.retryAfterSeconds ??
        (error.status === 503 ? DEPENDENCY_RETRY_AFTER_SECONDS : undefined);
      if (retryAfter !== undefined) {
        res.setHeader('Retry-After', String(Math.max(1, Math.ceil(retryAfter))));
      }
      res.status(error.status).json({
        error: error.code,
        message: error.message,
        ...(error.extra.issues ? { issues: error.extra.issues } : {}),
        requestId,
      });
      return;
    }
    logger.error({ err, requestId, method: req.method, url: req.originalUrl }, 'unexpected error');
    res.status(500).json({
      error: 'internal',
      message: `Something went wrong on our side. Quote ${requestId} if you report it.`,
      requestId,
    });
  };
}
