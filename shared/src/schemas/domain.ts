import { z } from 'zod';

/** McGonigal's four superpowers; every quest trains one to four of them. */
export const SUPERPOWERS = [
  'urgent_optimism',
  'social_fabric',
  'blissful_productivity',
  'epic_meaning',
] as const;
export const ZSuperpower = z.enum(SUPERPOWERS);
export type Superpower = z.infer<typeof ZSuperpower>;

/** XP split over the superpowers that earned it. */
export const ZXpBySuperpower = z.record(ZSuperpower, z.number().int());

/** Roles inside one area, weakest first; a role includes the powers of those before it. */
export const AREA_ROLES = ['resident', 'moderator', 'officer', 'admin'] as const;
export const ZAreaRole = z.enum(AREA_ROLES);
export type AreaRole = z.infer<typeof ZAreaRole>;

export const QUEST_STATUSES = [
  'proposed',
  'rejected',
  'draft',
  'published',
  'active',
  'closed',
  'archived',
  'reopened',
] as const;
export const ZQuestStatus = z.enum(QUEST_STATUSES);
export type QuestStatus = z.infer<typeof ZQuestStatus>;

export const EVIDENCE_STATUSES = ['pending', 'verified', 'rejected', 'needs_review'] as const;
export const ZEvidenceStatus = z.enum(EVIDENCE_STATUSES);
export type EvidenceStatus = z.infer<typeof ZEvidenceStatus>;

export const EVIDENCE_KINDS = ['checkin', 'photo', 'text'] as const;
export const ZEvidenceKind = z.enum(EVIDENCE_KINDS);
export type EvidenceKind = z.infer<typeof ZEvidenceKind>;
