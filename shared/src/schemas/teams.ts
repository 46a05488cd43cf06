/**
 * Teams: request/response shapes and the display-name moderation both server and client
 * apply, so a resident sees "that name is not allowed" before sending it.
 */
import { z } from 'zod';
import { ZId, ZIsoDateTime, ZPlainText } from './common';

/** Largest team; more members than this stops being a team of neighbours. */
export const MAX_TEAM_SIZE = 12;

/**
 * A short deny-list: impersonation of the council and a few slurs/profanities. Matched
 * against whole words after undoing common look-alike swaps (0→o, 1→i, 3→e, 4→a, 5→s, @→a),
 * so "Scunthorpe Savers" passes while "C0uncil Official" does not.
 */
const DENIED_WORDS = new Set([
  'admin',
  'administrator',
  'moderator',
  'official',
  'council',
  'govcraft',
  'fuck',
  'fucking',
  'shit',
  'cunt',
  'twat',
  'wanker',
  'bitch',
  'nazi',
]);

const LOOK_ALIKES: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '@': 'a',
};

/** The words of a name as a moderator would read them. */
export function nameWords(name: string): string[] {
  return name
    .toLowerCase()
    .replace(/[01345@]/g, (c) => LOOK_ALIKES[c] ?? c)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

export function isDeniedName(name: string): boolean {
  return nameWords(name).some((w) => DENIED_WORDS.has(w));
}

export const ZTeamName = ZPlainText(40, { min: 3 })
  .refine((s) => /[\p{L}\p{N}]/u.test(s), 'use at least one letter or digit')
  .refine((s) => !/\s{2,}/.test(s), 'use single spaces between words')
  .refine((s) => !isDeniedName(s), 'choose another name: that one is not allowed');

export const ZCreateTeamRequest = z.object({ name: ZTeamName });
export type CreateTeamRequest = z.infer<typeof ZCreateTeamRequest>;

/** Invite codes are 10 characters from an alphabet without look-alikes; case is ignored. */
export const ZInviteCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z2-9]{10}$/, 'use the 10-character invite code you were given');

export const ZJoinTeamRequest = z.object({ code: ZInviteCode });
export type JoinTeamRequest = z.infer<typeof ZJoinTeamRequest>;

export const ZSetCaptainRequest = z.object({ userId: ZId });
export type SetCaptainRequest = z.infer<typeof ZSetCaptainRequest>;

export const ZTeamParams = z.object({ teamId: ZId });
export const ZTeamMemberParams = z.object({ teamId: ZId, userId: ZId });

export const ZTeamMember = z.object({
  userId: ZId,
  displayName: z.string(),
  isCaptain: z.boolean(),
  joinedAt: ZIsoDateTime,
  /** XP this member earned for the team (from the ledger). */
  xp: z.number().int(),
});
export type TeamMember = z.infer<typeof ZTeamMember>;

export const ZTeam = z.object({
  id: ZId,
  areaId: ZId,
  name: z.string(),
  captainId: ZId.nullable(),
  /** Only members see the code; null for everyone else. */
  inviteCode: z.string().nullable(),
  members: z.array(ZTeamMember),
  maxSize: z.number().int(),
  createdAt: ZIsoDateTime,
});
export type Team = z.infer<typeof ZTeam>;

export const ZMyTeamResponse = z.object({ team: ZTeam.nullable() });
export type MyTeamResponse = z.infer<typeof ZMyTeamResponse>;

export const ZLeaveTeamResponse = z.object({
  /** True when you were the last member and the team is gone. */
  teamDeleted: z.boolean(),
  newCaptainId: ZId.nullable(),
});
export type LeaveTeamResponse = z.infer<typeof ZLeaveTeamResponse>;

export const ZInviteCodeResponse = z.object({ inviteCode: z.string() });
