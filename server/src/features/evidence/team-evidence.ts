/**
 * Team quests ask for more evidence as the team grows (shared/src/rules/team-scaling.ts):
 * every evidence room sees a team quest with its evidence rules already scaled, so the
 * verifier, the review queue and "vouches needed" all count by the same published rule.
 */
import { scaledEvidenceRules, type Quest } from '@govcraft/shared';
import type { QuestAccess } from './model';

export const withTeamEvidenceRules = (quest: Quest): Quest =>
  quest.teamSize === null
    ? quest
    : { ...quest, evidenceRules: scaledEvidenceRules(quest.evidenceRules, quest.teamSize) };

/** The quests port with team quests' evidence rules scaled by team size. */
export function teamScaledQuests<Q extends QuestAccess>(quests: Q): Q {
  return {
    ...quests,
    get: async (questId: string) => withTeamEvidenceRules(await quests.get(questId)),
    participationIn: async (questId: string, userIds: readonly string[]) => {
      const found = await quests.participationIn(questId, userIds);
      return { ...found, quest: withTeamEvidenceRules(found.quest) };
    },
  };
}
