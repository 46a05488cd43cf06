import pino, { type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string, name = 'govcraft'): Logger {
  return pino({
    name,
    level,
    redact: {
      paths: ['req.headers.cookie', 'req.headers.authorization', '*.password', '*.newPassword'],
      censor: '[redacted]',
    },
  });
}
