import { z } from 'zod';
import { ZCursor, ZId, ZIsoDateTime, ZLimit, ZList, ZPage, ZPlainText } from './common';
import { ZQuestStatus, ZSuperpower } from './domain';
import { ZBBoxText, ZLat, ZLng } from './geo';

export const QUEST_XP_MIN = 5;
export const QUEST_XP_MAX = 1000;
export const QUEST_RADIUS_MIN_M = 10;
export const QUEST_RADIUS_MAX_M = 2000;

/** What proves a quest done; any combination, at least one. */
export const ZEvidenceRules = z
  .object({
    checkin: z.boolean().default(false),
    photo: z.boolean().default(false),
    text: z.boolean().default(false),
    /** Other residents who must vouch for the evidence. */
    attestations: z.number().int().min(0).max(10).default(0),
    officerSignOff: z.boolean().default(false),
  })
  .refine(
    (r) => r.checkin || r.photo || r.text || r.attestations > 0 || r.officerSignOff,
    'ask for at least one kind of evidence',
  );
export type EvidenceRules = z.infer<typeof ZEvidenceRules>;

const ZSuperpowerTags = z
  .array(ZSuperpower)
  .min(1, 'choose 1 to 4 superpowers')
  .max(4, 'choose 1 to 4 superpowers')
  .refine((tags) => new Set(tags).size === tags.length, 'each superpower at most once');

export const ZQuestLocation = z.object({
  lat: ZLat,
  lng: ZLng,
  radiusM: z.number().int().min(QUEST_RADIUS_MIN_M).max(QUEST_RADIUS_MAX_M),
});

const questFields = {
  title: ZPlainText(120, { min: 3 }),
  problem: ZPlainText(2000, { min: 10, multiline: true }),
  desiredOutcome: ZPlainText(2000, { min: 10, multiline: true }),
  location: ZQuestLocation,
  startsAt: ZIsoDateTime,
  endsAt: ZIsoDateTime,
  xp: z.number().int().min(QUEST_XP_MIN).max(QUEST_XP_MAX),
  superpowers: ZSuperpowerTags,
  evidenceRules: ZEvidenceRules,
  /** null or absent: solo. A number: the team size the quest needs. */
  teamSize: z.number().int().min(2).max(20).nullable().default(null),
  maxCompletions: z.number().int().min(1).max(100_000).nullable().default(null),
  storylineId: ZId.nullable().default(null),
  /** Days after a completion in which residents may report it not fixed; absent: 30. */
  reopenWindowDays: z.number().int().min(1).max(365).optional(),
};

const endsAfterStart = (q: { startsAt?: string; endsAt?: string }) =>
  !q.startsAt || !q.endsAt || Date.parse(q.endsAt) > Date.parse(q.startsAt);
const endsAfterStartMessage = { message: 'endsAt must be after startsAt', path: ['endsAt'] };

export const ZCreateQuestRequest = z
  .object({ ...questFields, publish: z.boolean().default(false) })
  .refine(endsAfterStart, endsAfterStartMessage);
export type CreateQuestRequest = z.infer<typeof ZCreateQuestRequest>;

export const ZUpdateQuestRequest = z
  .object(questFields)
  .partial()
  .refine(endsAfterStart, endsAfterStartMessage);
export type UpdateQuestRequest = z.infer<typeof ZUpdateQuestRequest>;

export const ZProposeQuestRequest = z
  .object({
    title: questFields.title,
    problem: questFields.problem,
    desiredOutcome: questFields.desiredOutcome,
    location: questFields.location,
    startsAt: questFields.startsAt,
    endsAt: questFields.endsAt,
    superpowers: questFields.superpowers,
    evidenceRules: questFields.evidenceRules,
    teamSize: questFields.teamSize,
  })
  .refine(endsAfterStart, endsAfterStartMessage);
export type ProposeQuestRequest = z.infer<typeof ZProposeQuestRequest>;

export const ZQuest = z.object({
  id: ZId,
  areaId: ZId,
  storylineId: ZId.nullable(),
  title: z.string(),
  problem: z.string(),
  desiredOutcome: z.string(),
  location: ZQuestLocation,
  startsAt: ZIsoDateTime,
  endsAt: ZIsoDateTime,
  status: ZQuestStatus,
  xp: z.number().int(),
  superpowers: z.array(ZSuperpower),
  evidenceRules: ZEvidenceRules,
  teamSize: z.number().int().nullable(),
  maxCompletions: z.number().int().nullable(),
  completions: z.number().int(),
  proposedBy: ZId.nullable(),
  rejectionReason: z.string().nullable(),
  /** Days after a completion in which residents may report it not fixed. */
  reopenWindowDays: z.number().int(),
  createdAt: ZIsoDateTime,
  updatedAt: ZIsoDateTime,
});
export type Quest = z.infer<typeof ZQuest>;

export const ZQuestListQuery = z.object({
  bbox: ZBBoxText.optional(),
  status: ZQuestStatus.optional(),
  superpower: ZSuperpower.optional(),
  cursor: ZCursor.optional(),
  limit: ZLimit(500, 100),
});
export type QuestListQuery = z.infer<typeof ZQuestListQuery>;

export const ZQuestPage = ZPage(ZQuest);
export type QuestPage = z.infer<typeof ZQuestPage>;

/** What the map draws of a quest (marker, label, state); the quest sheet loads the rest. */
export const ZMapQuest = ZQuest.pick({
  id: true,
  title: true,
  location: true,
  status: true,
  xp: true,
  superpowers: true,
  startsAt: true,
  endsAt: true,
  teamSize: true,
});
export type MapQuest = z.infer<typeof ZMapQuest>;

export const ZMapQuestPage = ZPage(ZMapQuest);
export type MapQuestPage = z.infer<typeof ZMapQuestPage>;

export const ZQuestParams = z.object({ questId: ZId });
export type QuestParams = z.infer<typeof ZQuestParams>;

export const ZQuestTransitionRequest = z.object({ to: ZQuestStatus });
export type QuestTransitionRequest = z.infer<typeof ZQuestTransitionRequest>;

export const ZApproveProposalRequest = z.object({
  /** true: straight onto the map; false/absent: a draft the officer finishes first. */
  publish: z.boolean().default(false),
});
export type ApproveProposalRequest = z.infer<typeof ZApproveProposalRequest>;

export const ZRejectProposalRequest = z.object({
  /** The proposer reads this, so it should say what would make the idea acceptable. */
  reason: ZPlainText(1000, { min: 5, multiline: true }),
});
export type RejectProposalRequest = z.infer<typeof ZRejectProposalRequest>;

export const ZManageQuestsQuery = z.object({
  status: ZQuestStatus.optional(),
  cursor: ZCursor.optional(),
  limit: ZLimit(500, 100),
});
export type ManageQuestsQuery = z.infer<typeof ZManageQuestsQuery>;
export const ZProposalsQuery = ZManageQuestsQuery.omit({ status: true });

/** `reopened`: a completion that no longer counts because the quest was reopened as not fixed. */
export const PARTICIPATION_STATUSES = [
  'joined',
  'submitted',
  'completed',
  'left',
  'reopened',
] as const;
export const ZParticipationStatus = z.enum(PARTICIPATION_STATUSES);
export type ParticipationStatus = z.infer<typeof ZParticipationStatus>;

export const ZParticipation = z.object({
  id: ZId,
  questId: ZId,
  userId: ZId,
  teamId: ZId.nullable(),
  status: ZParticipationStatus,
  joinedAt: ZIsoDateTime,
});
export type Participation = z.infer<typeof ZParticipation>;

export const ZMyQuest = z.object({ quest: ZQuest, participation: ZParticipation });
export type MyQuest = z.infer<typeof ZMyQuest>;
export const ZMyQuestList = ZList(ZMyQuest);
