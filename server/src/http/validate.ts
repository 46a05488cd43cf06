import type { z } from 'zod';
import { AppError, type FieldIssue } from '../lib/errors';

/** Turns zod issues into `{path, message}` with a dotted path prefixed by where they came from. */
export function toFieldIssues(error: z.ZodError, where?: string): FieldIssue[] {
  return error.issues.map((issue) => {
    const inner = issue.path.map(String).join('.');
    const path = [where === 'body' ? '' : where, inner].filter(Boolean).join('.');
    return { path: path || (where ?? ''), message: issue.message };
  });
}

export function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown, where: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = toFieldIssues(parsed.error, where);
  const summary = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
  throw new AppError('validation', summary, { issues });
}
