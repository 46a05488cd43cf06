/**
 * The one typed way to call the API: give it a route contract from @govcraft/shared and what
 * the contract declares (params, query, body); it builds the URL, sends the request through
 * api.ts and parses the answer with the contract's response schema. The server's handler is
 * typed from the same contract, so the two cannot drift apart.
 */
import { pathOf, type RequestOf, type ResponseOf, type RouteContract } from '@govcraft/shared';
import { apiRequest, uploadForm, withQuery, type Query, type UploadProgress } from './api';

export interface CallOptions {
  signal?: AbortSignal;
  /** Multipart contracts only: files sent beside the body's text fields. */
  files?: Record<string, Blob | null | undefined>;
  /** Multipart contracts only: upload progress, for the progress bar. */
  onProgress?: (p: UploadProgress) => void;
}

export type CallInput<C extends RouteContract> = RequestOf<C> & CallOptions;

/** The input may be left out when the contract needs nothing (no params, no body). */
type CallArgs<C extends RouteContract> =
  Record<string, never> extends RequestOf<C> ? [input?: CallInput<C>] : [input: CallInput<C>];

export function call<C extends RouteContract>(
  contract: C,
  ...[input]: CallArgs<C>
): Promise<ResponseOf<C>> {
  const { params, query, body, signal, files, onProgress } = (input ?? {}) as CallInput<C> & {
    params?: Record<string, string>;
    query?: Query;
    body?: unknown;
  };
  const path = withQuery(pathOf(contract.path, params), query);
  if (contract.bodyType === 'multipart') {
    const form = toFormData(body, files);
    const progress = onProgress ?? (() => {});
    return uploadForm(path, form, contract.response, progress) as Promise<ResponseOf<C>>;
  }
  // Bodiless writes send `{}` so every state change is a JSON request.
  const sent = body ?? (contract.method === 'get' ? undefined : {});
  const method = contract.method.toUpperCase() as Uppercase<RouteContract['method']>;
  return apiRequest(method, path, { schema: contract.response, body: sent, signal }) as Promise<
    ResponseOf<C>
  >;
}

/** The URL of a route, for links and images the browser fetches itself (photos, downloads). */
export function urlOf<C extends RouteContract>(contract: C, ...[input]: CallArgs<C>): string {
  const { params, query } = (input ?? {}) as { params?: Record<string, string>; query?: Query };
  return withQuery(pathOf(contract.path, params), query);
}

function toFormData(fields: unknown, files: CallOptions['files'] = {}): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries((fields ?? {}) as Record<string, unknown>)) {
    if (value !== undefined && value !== null) form.set(name, String(value));
  }
  for (const [name, blob] of Object.entries(files)) {
    if (blob) form.set(name, blob, blob instanceof File ? blob.name : name);
  }
  return form;
}
