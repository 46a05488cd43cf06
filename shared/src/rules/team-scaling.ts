/**
 * How a team quest scales with the team that does it. A completion by a team counts once
 * on the team board, with XP that grows with the team; each member is paid the quest's XP
 * in full, so doing a quest together never pays a person less than doing it alone; and a
 * bigger team is asked for more vouching, since more hands make bigger claims easier.
 * Published in GET /api/rules; the server pays and checks by these same functions.
 */
import type { EvidenceRules } from '../schemas/quests';

export const TEAM_SCALING = {
  /** Each member beyond the first adds this share of the quest's XP to the team's completion. */
  teamXpPerExtraMember: 0.25,
  /** Each paid member receives this share of the quest's XP. */
  memberXpShare: 1,
  /** One more attestation is asked for per this many members beyond the first. */
  membersPerExtraAttestation: 2,
  /** Attestations asked for never exceed this. */
  maxAttestations: 10,
} as const;
export type TeamScalingRules = typeof TEAM_SCALING;

const sizeOf = (teamSize: number) => Math.max(1, Math.floor(teamSize));

/** What one completion by a team of `teamSize` adds to the team board (once per team). */
export function teamCompletionXp(
  questXp: number,
  teamSize: number,
  rules: TeamScalingRules = TEAM_SCALING,
): number {
  return Math.round(questXp * (1 + rules.teamXpPerExtraMember * (sizeOf(teamSize) - 1)));
}

/** What each paid member of the team receives for the completion. */
export function memberXp(questXp: number, rules: TeamScalingRules = TEAM_SCALING): number {
  return Math.round(questXp * rules.memberXpShare);
}

/** The evidence a team of `teamSize` is asked for: the quest's rules with more vouching. */
export function scaledEvidenceRules<R extends Pick<EvidenceRules, 'attestations'>>(
  rules: R,
  teamSize: number,
  scaling: TeamScalingRules = TEAM_SCALING,
): R {
  const extra = Math.floor((sizeOf(teamSize) - 1) / scaling.membersPerExtraAttestation);
  if (extra === 0 || rules.attestations === 0) return rules;
  return { ...rules, attestations: Math.min(rules.attestations + extra, scaling.maxAttestations) };
}

/** The rule in plain words, as GET /api/rules shows it. */
export function describeTeamScaling(rules: TeamScalingRules = TEAM_SCALING): string {
  const pct = Math.round(rules.teamXpPerExtraMember * 100);
  return (
    `A team quest counts once on the team board: the quest's XP plus ${pct}% for each member ` +
    `beyond the first (a team of 4 adds ${teamCompletionXp(100, 4, rules)} for a 100 XP quest). ` +
    `Every member is paid the quest's XP in full. Quests that ask for vouching ask for one ` +
    `more attestation per ${rules.membersPerExtraAttestation} members beyond the first, ` +
    `up to ${rules.maxAttestations}.`
  );
}
