import type { ErrorRequestHandler, RequestHandler } from 'express';
import multer from 'multer';
import type { Logger } from '../lib/logger';
import { AppError } from '../lib/errors';

export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new AppError('not_found', `no route for ${req.method} ${req.path}`));
};

function fromKnownError(err: unknown): AppError | null {
  if (err instanceof AppError) return err;
  if (err instanceof multer.MulterError) {
    if (err.code === 'LIMIT_FILE_SIZE')
      return new AppError('payload_too_large', `${err.field ?? 'file'}: the file is too large`, {
        issues: [{ path: err.field ?? 'file', message: 'the file is too large' }],
      });
    return new AppError('bad_request', `${err.field ?? 'upload'}: ${err.message}`, {
      issues: [{ path: err.field ?? 'upload', message: err.message }],
    });
  }
  // body-parser errors carry an HTTP status and a type; they are the client's fault.
  if (typeof err === 'object' && err !== null && 'type' in err && 'status' in err) {
    const { type, status } = err as { type: string; status: number };
    if (type === 'entity.too.large')
      return new AppError('payload_too_large', 'the request body is too large');
    if (type === 'entity.parse.failed')
      return new AppError('bad_request', 'the request body is not valid JSON');
    if (status >= 400 && status < 500)
      return new AppError('bad_request', 'the request could not be read');
  }
  return null;
}

/** The one place an error becomes an HTTP answer. Never sends a stack trace. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const requestId = String(req.id ?? '');
    const known = fromKnownError(err);
    if (res.headersSent) return;
    if (known) {
      if (known.extra.retryAfterSeconds !== undefined) {
        res.setHeader('Retry-After', String(Math.max(1, Math.ceil(known.extra.retryAfterSeconds))));
      }
      res.status(known.status).json({
        error: known.code,
        message: known.message,
        ...(known.extra.issues ? { issues: known.extra.issues } : {}),
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
