/**
 * An HTTP route as both sides see it, declared once: where it lives, what goes in, what comes
 * out. The server adds who may call it and the handler; the client calls it through one
 * generic caller; the OpenAPI document is generated from it. Nothing here knows about
 * access rules, rate limits or Express.
 */
import type { z } from 'zod';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface RouteContractSpec {
  method: HttpMethod;
  /** Express path syntax: `/api/areas/:slug/quests`; each `:name` is a key of `params`. */
  path: string;
  summary: string;
  /** Longer documentation for the OpenAPI entry (e.g. the licence of open data). */
  description?: string;
  /** Defaults to the feature's tag. */
  tags?: readonly string[];
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /**
   * `multipart`: the body schema covers the text fields; files travel beside them.
   * `form`: application/x-www-form-urlencoded (as Open311 clients post), JSON accepted too.
   */
  bodyType?: 'json' | 'multipart' | 'form';
  /** Success status; defaults to 200 (204 sends no body). */
  status?: number;
  /** null: no JSON in the answer (204, or bytes the handler sends itself). */
  response: z.ZodType | null;
  /**
   * The media type of a success answer the handler sends itself (`text/csv`, `image/jpeg`);
   * unset: JSON described by `response`, or no body.
   */
  responseType?: string;
  /** Other media types the same answer is sent as, chosen by the request (e.g. `.xml`). */
  alsoAs?: readonly string[];
  /** The shape of error answers when it is not the API's `ErrorResponse` (Open311's list). */
  errorBody?: z.ZodType;
  /** Expected failures besides 400 and 500 (the access rule adds 401, 403 and 429). */
  errors?: readonly number[];
}

/** A declared route; `operationId` is its key in the feature's contract object. */
export interface RouteContract extends RouteContractSpec {
  operationId: string;
  tags: readonly string[];
}

export type Contracts<S extends Record<string, RouteContractSpec>> = {
  [K in keyof S & string]: S[K] & { operationId: K; tags: readonly string[] };
};

/**
 * Names each spec by its key (the stable `operationId`, unique across the API) and gives it
 * the feature's tag unless it lists its own.
 */
export function defineContracts<S extends Record<string, RouteContractSpec>>(
  tag: string,
  specs: S,
): Contracts<S> {
  const named: Record<string, RouteContract> = {};
  for (const [operationId, spec] of Object.entries(specs)) {
    named[operationId] = { ...spec, operationId, tags: spec.tags ?? [tag] };
  }
  return named as Contracts<S>;
}

type SchemaOf<C, K extends string> = C extends { [P in K]: infer S extends z.ZodType } ? S : never;

/** What the handler receives after parsing (zod output types). */
export type ParamsOf<C> = [SchemaOf<C, 'params'>] extends [never]
  ? Record<string, never>
  : z.output<SchemaOf<C, 'params'>>;
export type QueryOf<C> = [SchemaOf<C, 'query'>] extends [never]
  ? Record<string, never>
  : z.output<SchemaOf<C, 'query'>>;
export type BodyOf<C> = [SchemaOf<C, 'body'>] extends [never]
  ? undefined
  : z.output<SchemaOf<C, 'body'>>;

/** What a successful call answers: the parsed response, or nothing for `response: null`. */
export type ResponseOf<C> = [SchemaOf<C, 'response'>] extends [never]
  ? void
  : z.output<SchemaOf<C, 'response'>>;

/** A query value as sent: its input type, or its parsed type where zod coerces from unknown. */
type WireValue<I, O> = unknown extends I ? O : I;
type WireQuery<S extends z.ZodType> = {
  [K in keyof z.input<S>]: WireValue<z.input<S>[K], z.output<S>[K & keyof z.output<S>]>;
};

/** What a caller sends (zod input types): only the parts the contract declares. */
export type RequestOf<C> = ([SchemaOf<C, 'params'>] extends [never]
  ? { params?: never }
  : { params: z.input<SchemaOf<C, 'params'>> }) &
  ([SchemaOf<C, 'query'>] extends [never]
    ? { query?: never }
    : { query?: WireQuery<SchemaOf<C, 'query'>> }) &
  ([SchemaOf<C, 'body'>] extends [never]
    ? { body?: never }
    : { body: z.input<SchemaOf<C, 'body'>> });

/** Fills `:name` segments of a contract's path, URL-encoded. */
export function pathOf(path: string, params: Record<string, string> = {}): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${path} needs the parameter ${name}`);
    return encodeURIComponent(value);
  });
}
