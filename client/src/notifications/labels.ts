/** Words for notification kinds and email frequencies, as the settings show them. */
import type { NotificationFrequency, NotificationKind } from '@govcraft/shared';

export const KIND_LABELS: Record<NotificationKind, string> = {
  quest_nearby: 'A new quest near the place I watch',
  quest_starts_soon: 'A quest I joined starts soon',
  quest_ends_soon: 'A quest I joined ends soon',
  evidence_verified: 'My evidence is verified',
  evidence_rejected: 'My evidence is not accepted',
  evidence_in_review: 'My evidence goes to an officer',
  evidence_reversed: 'XP I earned is taken back',
  quest_reopened: 'A quest I reported is reopened',
  team_invite: 'I am invited to a team',
  chapter_unlocked: 'A storyline chapter unlocks',
  budget_round_opened: 'A budget round opens',
  budget_round_closed: 'A budget round closes',
  review_waiting: 'Evidence waits for review (officers)',
};

export const FREQUENCY_LABELS: Record<NotificationFrequency, string> = {
  immediate: 'At once',
  daily: 'Daily digest',
  weekly: 'Weekly digest',
  never: 'No email',
};

/** "5 minutes ago", "yesterday": short and screen-reader friendly. */
export function agoText(iso: string, now = Date.now()): string {
  const minutes = Math.round((now - Date.parse(iso)) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'} ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} hour${hours === 1 ? '' : 's'} ago`;
  const days = Math.round(hours / 24);
  return days === 1 ? 'yesterday' : `${days} days ago`;
}
