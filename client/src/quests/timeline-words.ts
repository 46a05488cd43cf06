/** How the public quest timeline reads: each status change in words, by role, never a name. */
import type { QuestStatus, QuestStatusEvent, TimelineRole } from '@govcraft/shared';

const MOVED_TO: Record<QuestStatus, string> = {
  proposed: 'Proposed',
  rejected: 'Turned down',
  draft: 'Drafted',
  published: 'Published',
  active: 'Opened',
  closed: 'Closed',
  archived: 'Archived',
  reopened: 'Reopened: reported not fixed',
};

const BY: Record<TimelineRole, string> = {
  resident: 'by a resident',
  residents: 'by residents’ reports',
  moderator: 'by a moderator',
  officer: 'by a council officer',
  admin: 'by an administrator',
  system: 'automatically',
};

/** "Reopened: reported not fixed by a council officer". */
export function timelineLine(e: QuestStatusEvent): string {
  if (e.from === null && e.to === 'draft') return `Posted ${BY[e.by]}`;
  if (e.from === 'reopened' && e.to === 'active') return 'Done again: back to active';
  if (e.from === 'published' && e.to === 'active' && e.by === 'system') return 'Started on time';
  if (e.to === 'closed' && e.by === 'system') return 'Closed at its deadline';
  return `${MOVED_TO[e.to]} ${BY[e.by]}`;
}

/** "2 reports so far, weighing 2 of the 2.5 needed to reopen it". */
export function reportsLine(reports: number, weight: number, quorumWeight: number): string {
  const some = reports === 1 ? '1 report so far' : `${reports} reports so far`;
  return `${some}, weighing ${weight} of the ${quorumWeight} needed to reopen it.`;
}
