import { z } from 'zod';
import { ZId, ZIsoDateTime, ZList, ZPlainText } from './common';
import { ZQuestLocation } from './quests';

/** Kinds of community organisation that may pitch to run a quest or a service. */
export const ORGANISATION_KINDS = [
  'friends_group',
  'mutual',
  'social_enterprise',
  'school',
  'charity',
  'other',
] as const;
export const ZOrganisationKind = z.enum(ORGANISATION_KINDS);
export type OrganisationKind = z.infer<typeof ZOrganisationKind>;

export const ZOrganisationRole = z.enum(['lead', 'member']);
export type OrganisationRole = z.infer<typeof ZOrganisationRole>;

export const ZOrganisationStatus = z.enum(['pending', 'verified']);

/**
 * draft → submitted → approved → completed | failed; submitted → declined; submitted → draft
 * when an officer asks for changes (with the officer's note).
 */
export const PITCH_STATUSES = [
  'draft',
  'submitted',
  'approved',
  'completed',
  'failed',
  'declined',
] as const;
export const ZPitchStatus = z.enum(PITCH_STATUSES);
export type PitchStatus = z.infer<typeof ZPitchStatus>;

/** Money is whole pence; a pitch asks for at most £1,000,000. */
export const PITCH_MAX_PENCE = 100_000_000;
const ZPence = z.number().int().min(1).max(PITCH_MAX_PENCE);

export const ZOrganisationParams = z.object({ organisationId: ZId });
export const ZPitchParams = z.object({ pitchId: ZId });
export const ZMilestoneParams = z.object({ pitchId: ZId, milestoneId: ZId });

export const ZCreateOrganisationRequest = z.object({
  name: ZPlainText(120, { min: 3 }),
  kind: ZOrganisationKind,
  description: ZPlainText(2000, { min: 10, multiline: true }),
});
export type CreateOrganisationRequest = z.infer<typeof ZCreateOrganisationRequest>;

export const ZJoinOrganisationRequest = z.object({ code: z.string().trim().min(6).max(32) });

export const ZOrganisationMember = z.object({
  userId: ZId,
  displayName: z.string(),
  role: ZOrganisationRole,
});

/** Public view; `inviteCode` and `contactVerified` only for its members and officers. */
export const ZOrganisation = z.object({
  id: ZId,
  areaId: ZId,
  name: z.string(),
  kind: ZOrganisationKind,
  description: z.string(),
  status: ZOrganisationStatus,
  verifiedAt: ZIsoDateTime.nullable(),
  createdAt: ZIsoDateTime,
  members: z.array(ZOrganisationMember),
  /** Whether the lead's contact email is confirmed (through the account's email link). */
  contactVerified: z.boolean(),
  inviteCode: z.string().nullable(),
});
export type Organisation = z.infer<typeof ZOrganisation>;
export const ZOrganisationList = ZList(ZOrganisation);
export type OrganisationList = z.infer<typeof ZOrganisationList>;

const milestoneFields = {
  title: ZPlainText(200, { min: 3 }),
  amountPence: ZPence,
  /** What evidences this milestone (a photo of the planted bed, an attendance sheet). */
  evidencedBy: ZPlainText(500, { min: 5 }),
};

const pitchFields = {
  title: ZPlainText(120, { min: 3 }),
  summary: ZPlainText(2000, { min: 10, multiline: true }),
  outcome: ZPlainText(1000, { min: 10, multiline: true }),
  budgetPence: ZPence,
  deadline: ZIsoDateTime,
  location: ZQuestLocation,
  milestones: z.array(z.object(milestoneFields)).min(1).max(12),
};

/** The milestone amounts add up to the budget asked: every penny is tied to evidence. */
const milestonesAddUp = (p: { budgetPence: number; milestones: { amountPence: number }[] }) =>
  p.milestones.reduce((s, m) => s + m.amountPence, 0) === p.budgetPence;
const milestonesAddUpMessage = {
  message: 'the milestone amounts must add up to the budget asked',
  path: ['milestones'],
};

export const ZPitchDraftRequest = z
  .object({ organisationId: ZId, ...pitchFields })
  .refine(milestonesAddUp, milestonesAddUpMessage);
export type PitchDraftRequest = z.infer<typeof ZPitchDraftRequest>;

export const ZUpdatePitchRequest = z
  .object(pitchFields)
  .refine(milestonesAddUp, milestonesAddUpMessage);
export type UpdatePitchRequest = z.infer<typeof ZUpdatePitchRequest>;

export const ZPitchDecisionRequest = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('approve'), note: ZPlainText(1000).optional() }),
  z.object({ decision: z.literal('request_changes'), note: ZPlainText(1000, { min: 5 }) }),
  z.object({ decision: z.literal('decline'), note: ZPlainText(1000, { min: 5 }) }),
]);
export type PitchDecisionRequest = z.infer<typeof ZPitchDecisionRequest>;

/** An officer confirms a milestone's evidence: a link or reference, and a note. */
export const ZReleaseMilestoneRequest = z.object({
  evidence: ZPlainText(500, { min: 3 }),
  note: ZPlainText(1000).optional(),
});
export type ReleaseMilestoneRequest = z.infer<typeof ZReleaseMilestoneRequest>;

export const ZMilestone = z.object({
  id: ZId,
  position: z.number().int(),
  ...milestoneFields,
  releasedAt: ZIsoDateTime.nullable(),
  /** The evidence reference the officer confirmed (public). */
  evidence: z.string().nullable(),
});
export type Milestone = z.infer<typeof ZMilestone>;

export const ZPitch = z.object({
  id: ZId,
  areaId: ZId,
  organisationId: ZId,
  organisationName: z.string(),
  title: z.string(),
  summary: z.string(),
  outcome: z.string(),
  budgetPence: z.number().int(),
  deadline: ZIsoDateTime,
  location: ZQuestLocation,
  status: ZPitchStatus,
  milestones: z.array(ZMilestone),
  /** Sums of the money ledger for this pitch. */
  allocatedPence: z.number().int(),
  releasedPence: z.number().int(),
  cancelledPence: z.number().int(),
  /** The officer's note asking for changes (while back in draft). */
  changesRequested: z.string().nullable(),
  /** Public: why it was declined, or why it failed. */
  declineReason: z.string().nullable(),
  failureReason: z.string().nullable(),
  questId: ZId.nullable(),
  submittedAt: ZIsoDateTime.nullable(),
  decidedAt: ZIsoDateTime.nullable(),
  closedAt: ZIsoDateTime.nullable(),
});
export type Pitch = z.infer<typeof ZPitch>;
export const ZPitchList = ZList(ZPitch);
export type PitchList = z.infer<typeof ZPitchList>;

export const ZMoneyLedgerKind = z.enum(['allocated', 'released', 'cancelled', 'reversed']);
export const ZMoneyLedgerEntry = z.object({
  id: ZId,
  kind: ZMoneyLedgerKind,
  amountPence: z.number().int(),
  milestoneId: ZId.nullable(),
  note: z.string().nullable(),
  at: ZIsoDateTime,
});
export const ZMoneyLedger = ZList(ZMoneyLedgerEntry);
export type MoneyLedger = z.infer<typeof ZMoneyLedger>;
