import { z } from 'zod';

/** Database ids are UUIDs everywhere so they can be minted by any node. */
export const ZId = z.uuid();
export type Id = z.infer<typeof ZId>;

/** Area slugs appear in URLs: lower-case words joined by hyphens. */
export const ZSlug = z
  .string()
  .min(2)
  .max(60)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lower-case letters, digits and single hyphens');

export const ZIsoDateTime = z.iso.datetime({ offset: true });

export const ZIdParams = z.object({ id: ZId });
export type IdParams = z.infer<typeof ZIdParams>;

export const ZSlugParams = z.object({ slug: ZSlug });
export type SlugParams = z.infer<typeof ZSlugParams>;

/** One field problem in a 400 answer: `path` is dotted, e.g. `location.lat`. */
export const ZValidationIssue = z.object({ path: z.string(), message: z.string() });

export const ZErrorResponse = z.object({
  error: z.string(),
  message: z.string().optional(),
  issues: z.array(ZValidationIssue).optional(),
  requestId: z.string().optional(),
});
export type ErrorResponse = z.infer<typeof ZErrorResponse>;

export const ZOkResponse = z.object({ ok: z.literal(true) });

/** Opaque keyset cursor; clients pass back what they were given. */
export const ZCursor = z.string().max(200);

/** One page of a longer list; `nextCursor` is null on the last page. */
export const ZPage = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

/** A whole list in one answer, no paging. */
export const ZList = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

/** The `limit` query parameter: how many rows one answer may hold, 1 to `max`. */
export const ZLimit = (max: number, fallback: number) =>
  z.coerce.number().int().min(1).max(max).default(fallback);

/**
 * An object with one field per key, all of one schema (a weight per check, a proxy per
 * superpower), so the object cannot fall behind the list of keys it is built from.
 */
export const ZFieldPerKey = <const K extends readonly string[], T extends z.ZodType>(
  keys: K,
  value: T,
) => z.object(Object.fromEntries(keys.map((key) => [key, value])) as Record<K[number], T>);

/** Text a person typed: trimmed, no control characters (newlines allowed when multiline). */
export const ZPlainText = (max: number, opts: { min?: number; multiline?: boolean } = {}) =>
  z
    .string()
    .trim()
    .min(opts.min ?? 1)
    .max(max)
    .refine(
      (s) => !(opts.multiline ? CONTROL_EXCEPT_NEWLINES : CONTROL).test(s),
      'must not contain control characters',
    );

/* eslint-disable no-control-regex -- control characters are exactly what these refuse */
const CONTROL = /[\u0000-\u001F\u007F]/;
const CONTROL_EXCEPT_NEWLINES = /[\u0000-\u0009\u000B\u000C\u000E-\u001F\u007F]/;
/* eslint-enable no-control-regex */
