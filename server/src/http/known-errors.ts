/**
 * Errors that are the client's fault, thrown by code we do not own (body-parser, zlib,
 * busboy through multer, the router's percent-decoding), and the 4xx each one answers.
 * Each rule says how the error is recognised and names what is wrong with the request, so
 * no malformed request can reach the 500 reserved for our own faults.
 */
import type { Request } from 'express';
import multer from 'multer';
import { AppError } from '../lib/errors';
import { dependencyOutageError } from './dependency-errors';

export interface KnownErrorRule {
  /** What the rule recognises, for logs and for reading the table. */
  readonly recognises: string;
  /** The AppError to answer with, or null when the error is not this rule's. */
  answer(err: unknown, req: Request): AppError | null;
}

type Fields = Record<string, unknown>;
const fieldsOf = (err: unknown): Fields | null =>
  typeof err === 'object' && err !== null ? (err as Fields) : null;

/** Shown back to the client, so cut to a length that cannot flood a log or a screen. */
const shown = (value: unknown, max = 80): string => {
  const text = String(value);
  return text.length > max ? `${text.slice(0, max)}…` : text;
};

const bodyIssue = (code: 'bad_request' | 'payload_too_large', path: string, message: string) =>
  new AppError(code, `${path}: ${message}`, { issues: [{ path, message }] });

/** multer's own errors: size and count limits, unexpected fields. */
const multerLimits: KnownErrorRule = {
  recognises: 'multer.MulterError (code LIMIT_* or MISSING_FIELD_NAME)',
  answer(err) {
    if (!(err instanceof multer.MulterError)) return null;
    const path = err.field ?? (err.code === 'LIMIT_FILE_SIZE' ? 'file' : 'upload');
    return err.code === 'LIMIT_FILE_SIZE'
      ? bodyIssue('payload_too_large', path, 'the file is too large')
      : bodyIssue('bad_request', path, err.message);
  },
};

/**
 * busboy (multer's parser) throws plain `Error`s; their messages are the only mark they
 * carry, so they are listed exactly. multer adds the three "Request …" ones when the client
 * goes away mid-upload.
 */
const MULTIPART_MESSAGES: Record<string, string> = {
  'Malformed part header':
    'a part header is malformed (each header line needs a name and a colon, and no control characters such as NUL)',
  'Unexpected end of form': 'the body ends before its closing boundary (empty or cut off)',
  'Unexpected end of file': 'a file part ends before its closing boundary (cut off)',
  'Multipart: Boundary not found': 'the Content-Type names no boundary',
  'Malformed content type': 'the Content-Type cannot be parsed',
  'Missing Content-Type': 'the request has no Content-Type',
  'Malformed urlencoded form': 'the form is not valid URL encoding',
  'Request aborted': 'the client stopped sending before the body ended',
  'Request closed': 'the connection closed before the body ended',
};

const UNSUPPORTED_TYPE = 'Unsupported content type: ';

const multipartParser: KnownErrorRule = {
  recognises: 'busboy/multer plain Error with a known message',
  answer(err) {
    if (!(err instanceof Error) || err.constructor !== Error) return null;
    if (err.message.startsWith(UNSUPPORTED_TYPE))
      return new AppError(
        'unsupported_media_type',
        `request body: ${shown(err.message.slice(UNSUPPORTED_TYPE.length))} is not a form; send multipart/form-data`,
      );
    const meaning = MULTIPART_MESSAGES[err.message];
    return meaning ? bodyIssue('bad_request', 'multipart body', meaning) : null;
  },
};

/**
 * zlib and brotli errors from decompressing a body whose Content-Encoding it does not
 * match. body-parser passes them on with `status: 400` but no `type`.
 */
const decompression: KnownErrorRule = {
  recognises: 'zlib error passed on by body-parser (status 400, errno, code Z_* or ERR__ERROR_*)',
  answer(err, req) {
    const f = fieldsOf(err);
    // body-parser marks the ones it met reading a request; any other is a fault of ours.
    if (!f || f.status !== 400 || typeof f.errno !== 'number' || typeof f.code !== 'string')
      return null;
    if (!/^(Z_|ERR__ERROR_|ERR_BROTLI)/.test(f.code)) return null;
    const encoding = shown(req.get('content-encoding') ?? 'compressed');
    return new AppError(
      'bad_request',
      `request body: Content-Encoding says ${encoding}, but the body is not ${encoding} data`,
    );
  },
};

/** The router decoding `%ZZ` or a lone `%` in a path parameter. */
const percentDecoding: KnownErrorRule = {
  recognises: 'URIError with status 400 (the router failing to decode a path parameter)',
  answer(err) {
    if (!(err instanceof URIError) || (err as URIError & { status?: unknown }).status !== 400)
      return null;
    const param = /param '(.*)'$/s.exec(err.message)?.[1];
    return new AppError(
      'bad_request',
      `path: ${param ? `'${shown(param)}'` : 'a parameter'} is not valid percent-encoding`,
    );
  },
};

/** body-parser's http-errors, told apart by their `type`. */
const BODY_PARSER_TYPES: Record<string, (f: Fields) => AppError> = {
  'entity.too.large': () => new AppError('payload_too_large', 'the request body is too large'),
  'entity.parse.failed': () => new AppError('bad_request', 'the request body is not valid JSON'),
  'encoding.unsupported': (f) =>
    new AppError(
      'unsupported_media_type',
      `request body: content encoding "${shown(f.encoding ?? '?')}" is not supported; send identity, gzip, deflate or br`,
    ),
  'charset.unsupported': (f) =>
    new AppError(
      'unsupported_media_type',
      `request body: charset "${shown(f.charset ?? '?')}" is not supported; send utf-8`,
    ),
  'request.aborted': () =>
    new AppError('bad_request', 'request body: the client stopped sending before it ended'),
  'request.size.invalid': () =>
    new AppError('bad_request', 'request body: its length does not match Content-Length'),
};

const bodyParser: KnownErrorRule = {
  recognises: 'body-parser http-error (type and status)',
  answer(err) {
    const f = fieldsOf(err);
    if (!f || typeof f.type !== 'string' || typeof f.status !== 'number') return null;
    const known = BODY_PARSER_TYPES[f.type];
    if (known) return known(f);
    // Any other body-parser refusal still names itself, as long as it is the client's.
    if (f.status >= 400 && f.status < 500 && f.expose === true)
      return new AppError('bad_request', `request body: ${shown(f.message)}`);
    return null;
  },
};

/**
 * The database refusing to add anything to an archived area (trigger in db/guards.sql,
 * SQLSTATE GCARC); its message names the area. Drizzle wraps it in "Failed query".
 */
const archivedArea: KnownErrorRule = {
  recognises: 'PostgreSQL error with SQLSTATE GCARC (the archived-area guard trigger)',
  answer(err) {
    let f = fieldsOf(err);
    for (let depth = 0; f && depth < 5; depth++, f = fieldsOf(f.cause)) {
      if (f.code === 'GCARC' && typeof f.message === 'string')
        return new AppError('conflict', shown(f.message, 200));
    }
    return null;
  },
};

/**
 * Checked in order; the first rule that answers wins. AppError comes first. The last rule
 * is not the client's fault but not ours either: a dependency that is down answers 503.
 */
export const KNOWN_ERROR_RULES: readonly KnownErrorRule[] = [
  { recognises: 'AppError', answer: (err) => (err instanceof AppError ? err : null) },
  multerLimits,
  multipartParser,
  decompression,
  percentDecoding,
  bodyParser,
  archivedArea,
  {
    recognises: 'dependency outage: ioredis/BullMQ or pg connection errors (503 with Retry-After)',
    answer: (err) => dependencyOutageError(err),
  },
];

/** The rule and answer for an error the client caused, or null for a fault of ours. */
export function recogniseError(
  err: unknown,
  req: Request,
): { rule: KnownErrorRule; error: AppError } | null {
  for (const rule of KNOWN_ERROR_RULES) {
    const error = rule.answer(err, req);
    if (error) return { rule, error };
  }
  return null;
}
