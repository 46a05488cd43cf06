/**
 * The one place the client talks HTTP: the transport under call.ts. Views call routes through
 * `call(contract, …)`, which hands this file the path and the contract's response schema;
 * every reply is parsed with that schema, so panels only ever see typed, validated data.
 */
import type { z } from 'zod';
import { ZErrorResponse } from '@govcraft/shared';

export interface FieldIssue {
  path: string;
  message: string;
}

/** An API failure in the shape panels show: a message, plus per-field issues for forms. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: FieldIssue[] = [],
    readonly requestId?: string,
    /** From `Retry-After`: how long the server asked us to wait before trying again. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** True when the server does not offer this route yet (or the thing is gone). */
  get isNotFound(): boolean {
    return this.status === 404;
  }

  /** True when the same request may succeed later unchanged: no connection, or a 503. */
  get isTemporary(): boolean {
    return this.status === 0 || this.status === 503;
  }
}

const FRIENDLY: Record<number, string> = {
  401: 'Please sign in to do this.',
  403: "Your account can't do this here.",
  404: "We couldn't find that.",
  409: 'That clashes with something that already changed. Refresh and try again.',
  413: 'That file is too big.',
  429: 'Too many tries. Wait a minute and try again.',
  503: 'The game is catching its breath. Try again in a moment.',
};

/** Turns any error body into an ApiError with words a resident can act on. */
export function toApiError(status: number, body: unknown, retryAfter?: string | null): ApiError {
  const wait = retryAfterSeconds(retryAfter);
  const parsed = ZErrorResponse.safeParse(body);
  if (!parsed.success) {
    const message = FRIENDLY[status] ?? defaultMessage(status);
    return new ApiError(status, 'http_' + status, message, [], undefined, wait);
  }
  const e = parsed.data;
  // A 503 names the missing dependency for operators; residents only need to wait a moment.
  const message =
    (status === 503 ? FRIENDLY[503] : e.message) ?? FRIENDLY[status] ?? defaultMessage(status);
  return new ApiError(status, e.error, message, e.issues ?? [], e.requestId, wait);
}

/** `Retry-After` in seconds (the HTTP-date form is not sent by this server). */
function retryAfterSeconds(header: string | null | undefined): number | undefined {
  const seconds = Number(header);
  return header && Number.isFinite(seconds) && seconds >= 0 ? seconds : undefined;
}

function defaultMessage(status: number): string {
  return status >= 500
    ? 'Something went wrong on our side. Try again in a moment.'
    : 'That did not work. Check the form and try again.';
}

export type Query = Record<string, string | number | boolean | undefined | null>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query))
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

export interface RequestOptions<S extends z.ZodType | null> {
  schema: S;
  body?: unknown;
  query?: Query;
  signal?: AbortSignal;
}

type Reply<S> = S extends z.ZodType ? z.output<S> : void;

/** Sends one JSON request and parses the reply; throws ApiError on any failure. */
export async function apiRequest<S extends z.ZodType | null>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  options: RequestOptions<S>,
): Promise<Reply<S>> {
  const init: RequestInit = {
    method,
    credentials: 'same-origin',
    headers: { accept: 'application/json' },
    signal: options.signal ?? null,
  };
  if (options.body !== undefined) {
    (init.headers as Record<string, string>)['content-type'] = 'application/json';
    init.body = JSON.stringify(options.body);
  }
  let res: Response;
  try {
    res = await fetch(withQuery(path, options.query), init);
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(
      0,
      'offline',
      "You seem to be offline. We'll keep your work; try again when you're back.",
    );
  }
  const body = await readBody(res);
  if (!res.ok) throw toApiError(res.status, body, res.headers.get('retry-after'));
  return parseReply(options.schema, body, path) as Reply<S>;
}

async function readBody(res: Response): Promise<unknown> {
  if (res.status === 204) return undefined;
  const text = await res.text();
  if (!text) return undefined;
  if (!res.headers.get('content-type')?.includes('json')) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function parseReply(schema: z.ZodType | null, body: unknown, what: string): unknown {
  if (!schema) return undefined;
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  console.error(`unexpected reply from ${what}`, parsed.error.issues);
  throw new ApiError(502, 'bad_reply', 'The server sent something we did not expect. Try again.');
}

export interface UploadProgress {
  loaded: number;
  total: number;
}

/**
 * Multipart upload through XMLHttpRequest, because fetch cannot report upload progress
 * and the evidence form shows a progress bar while a photo goes up on a slow phone.
 */
export function uploadForm<S extends z.ZodType | null>(
  path: string,
  form: FormData,
  schema: S,
  onProgress: (p: UploadProgress) => void,
): Promise<Reply<S>> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.addEventListener('progress', (e) => {
      if (e.lengthComputable) onProgress({ loaded: e.loaded, total: e.total });
    });
    xhr.addEventListener('error', () =>
      reject(
        new ApiError(0, 'offline', 'The upload stopped. Check your connection and send again.'),
      ),
    );
    xhr.addEventListener('load', () => {
      let body: unknown;
      try {
        body = xhr.responseText ? (JSON.parse(xhr.responseText) as unknown) : undefined;
      } catch {
        body = undefined;
      }
      if (xhr.status < 200 || xhr.status >= 300)
        return reject(toApiError(xhr.status, body, xhr.getResponseHeader('retry-after')));
      try {
        resolve(parseReply(schema, body, path) as Reply<S>);
      } catch (err) {
        reject(err instanceof Error ? err : new Error(String(err)));
      }
    });
    xhr.send(form);
  });
}
