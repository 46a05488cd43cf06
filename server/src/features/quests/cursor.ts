/**
 * Opaque keyset cursors: the sort key of the last row, as base64url JSON. Clients pass
 * them back untouched; anything else is a 400 on `query.cursor`.
 */
import { z } from 'zod';
import { ZId } from '@govcraft/shared';
import { AppError } from '../../lib/errors';

export const ZMapCursor = z.tuple([z.number(), z.number(), ZId]);
export const ZManageCursor = z.tuple([z.iso.datetime({ offset: true }), ZId]);

export function encodeCursor(key: unknown[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor<T>(schema: z.ZodType<T>, cursor: string): T {
  try {
    return schema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw AppError.field('query.cursor', 'use the nextCursor from the previous page');
  }
}
