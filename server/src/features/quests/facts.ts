/** Facts the quests feature publishes after the transaction that made them committed. */
import type { TimelineRole } from '@govcraft/shared';

/**
 * A quest's status moved (officer, residents, clock or integration), one fact per move:
 * publishing straight to active is two. `by` is the role on the public timeline; `reason`
 * when the move gave one.
 */
export interface QuestStatusChangedFact {
  questId: string;
  areaId: string;
  from: string | null;
  to: string;
  by: TimelineRole;
  reason: string | null;
  at: string;
}
