import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * Request and response lines never carry credentials: session cookies (sent and set),
 * bearer tokens (metrics, admin) and proxy credentials are replaced by `[redacted]`.
 */
export const REDACTED_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["proxy-authorization"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.newPassword',
];

/** `destination` defaults to stdout; tests pass their own stream to read the lines. */
export function createLogger(
  level: string,
  name = 'govcraft',
  destination?: pino.DestinationStream,
): Logger {
  const options = { name, level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } };
  return destination ? pino(options, destination) : pino(options);
}
