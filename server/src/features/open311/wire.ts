/**
 * How Open311 answers travel: JSON as the contract describes, or XML with the same fields
 * (built by fast-xml-parser's XMLBuilder, which escapes text), and errors as the spec's list
 * of `{code, description}` in the format the path asked for.
 */
import type { ErrorRequestHandler, Request, Response } from 'express';
import { XMLBuilder } from 'fast-xml-parser';
import type { Open311ErrorList, Open311Format } from '@govcraft/shared';
import { recogniseError } from '../../http/known-errors';
import { DEPENDENCY_RETRY_AFTER_SECONDS } from '../../http/dependency-errors';
import type { Logger } from '../../lib/logger';

/** XML element names: a list answer's root and its items, nested lists' items. */
export type XmlNames = { root: string; item?: string };
const ITEM_OF: Record<string, string> = {
  endpoints: 'endpoint',
  formats: 'format',
  attributes: 'attribute',
  values: 'value',
};

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  format: true,
  suppressEmptyNode: false,
});

type Tree = string | number | Tree[] | { [key: string]: Tree };

function toTree(value: unknown, key = ''): Tree {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (Array.isArray(value)) {
    const item = ITEM_OF[key] ?? 'item';
    return { [item]: value.map((v) => toTree(v, item)) };
  }
  const out: Record<string, Tree> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = toTree(v, k);
  return out;
}

/** The XML document of an answer, with the declaration the spec requires. */
export function toXml(value: unknown, names: XmlNames): string {
  const body = Array.isArray(value)
    ? { [names.item ?? 'item']: value.map((v) => toTree(v)) }
    : toTree(value);
  return builder.build({
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    [names.root]: body,
  }) as string;
}

/** Sends an answer in the requested format and gives it back for the route's return type. */
export function sendOpen311<T>(
  res: Response,
  format: Open311Format,
  names: XmlNames,
  value: T,
  status = 200,
): T {
  res.status(status);
  if (format === 'xml') res.type('text/xml; charset=utf-8').send(toXml(value, names));
  else res.type('application/json; charset=utf-8').send(JSON.stringify(value));
  return value;
}

const formatOf = (req: Request): Open311Format => (/\.xml$/i.test(req.path) ? 'xml' : 'json');

/**
 * Every error of an Open311 route as the spec's error list. Known errors keep their status
 * and name what is wrong; anything else is logged with the request id and answered 500.
 */
export function open311ErrorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    if (res.headersSent) return;
    const known = recogniseError(err, req);
    let list: Open311ErrorList;
    let status: number;
    if (known) {
      status = known.error.status;
      const issues = known.error.extra.issues;
      list = issues?.length
        ? issues.map((i) => ({ code: status, description: `${i.path}: ${i.message}` }))
        : [{ code: status, description: known.error.message }];
      const retryAfter =
        known.error.extra.retryAfterSeconds ??
        (status === 503 ? DEPENDENCY_RETRY_AFTER_SECONDS : undefined);
      if (retryAfter !== undefined) res.setHeader('Retry-After', String(Math.ceil(retryAfter)));
    } else {
      const requestId = String(req.id ?? '');
      logger.error({ err, requestId, url: req.originalUrl }, 'unexpected Open311 error');
      status = 500;
      list = [{ code: 500, description: `Something went wrong on our side. Quote ${requestId}.` }];
    }
    sendOpen311(res, formatOf(req), { root: 'errors', item: 'error' }, list, status);
  };
}
