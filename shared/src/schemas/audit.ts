/**
 * The public audit log of an area: every officer action and every status change. People
 * appear only as the role they hold (never a name, id or contact), and a record that is
 * still private (a resident's proposal, a draft) is named only by its kind.
 */
import { z } from 'zod';
import { ZIsoDateTime, ZLimit, ZPage } from './common';

/** Who acted, as the public may know it. `system`: the clock or an integration. */
export const AUDIT_ACTOR_ROLES = [
  'resident',
  'moderator',
  'officer',
  'admin',
  'platform_admin',
  'system',
  'former_member',
] as const;
export const ZAuditActorRole = z.enum(AUDIT_ACTOR_ROLES);
export type AuditActorRole = z.infer<typeof ZAuditActorRole>;

export const ZPublicAuditEntry = z.object({
  /** Position in the log; pages run from the newest down. */
  id: z.number().int(),
  at: ZIsoDateTime,
  /** What was done, e.g. `quest.closed`, `evidence.review`, `role.change`. */
  action: z.string(),
  actorRole: ZAuditActorRole,
  /** The record acted on; `id` and `title` only when the record itself is public. */
  subject: z.object({
    type: z.string(),
    id: z.string().nullable(),
    title: z.string().nullable(),
  }),
  /** A status or role change: from, to, and the public reason if one was given. */
  change: z
    .object({
      from: z.string().nullable(),
      to: z.string().nullable(),
      reason: z.string().nullable(),
    })
    .nullable(),
  /** The entry in one plain sentence. */
  summary: z.string(),
});
export type PublicAuditEntry = z.infer<typeof ZPublicAuditEntry>;

export const ZPublicAuditPage = ZPage(ZPublicAuditEntry).extend({
  licence: z.string(),
  licenceUrl: z.string(),
});
export type PublicAuditPage = z.infer<typeof ZPublicAuditPage>;

export const ZPublicAuditQuery = z.object({
  /** `nextCursor` of the page before; absent for the newest page. */
  cursor: z.coerce.number().int().positive().optional(),
  limit: ZLimit(200, 50),
});
