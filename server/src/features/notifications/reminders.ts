/**
 * Reminders made by repeatable sweeps: quests someone joined that start or end within a day,
 * and, for officers, evidence that has waited in review longer than REVIEW_WAIT_MS.
 */
import { localDateOf } from '@govcraft/shared';
import type { Infra } from '../../context';
import { questLink, type NotificationInput } from './model';
import * as reads from './reads';

const SOON_MS = 24 * 3600_000;
export const REVIEW_WAIT_MS = 4 * 3600_000;

export function createReminders(
  infra: Pick<Infra, 'db' | 'clock'>,
  notify: (items: NotificationInput[]) => Promise<number>,
) {
  async function questsSoon(now: Date = infra.clock.now()) {
    const until = new Date(now.getTime() + SOON_MS);
    const [starting, ending] = await Promise.all([
      reads.participantsOfQuestsMoving(infra.db, 'startsAt', now, until),
      reads.participantsOfQuestsMoving(infra.db, 'endsAt', now, until),
    ]);
    const hours = (at: Date) => Math.max(1, Math.round((at.getTime() - now.getTime()) / 3600_000));
    const items: NotificationInput[] = [
      ...starting.map((p) => ({
        userId: p.userId,
        areaId: p.areaId,
        kind: 'quest_starts_soon' as const,
        title: 'A quest you joined starts soon',
        body: `"${p.title}" starts in about ${hours(p.at)} h.`,
        link: questLink(p.questId),
        dedupeKey: `quest-starts-${p.questId}`,
      })),
      ...ending.map((p) => ({
        userId: p.userId,
        areaId: p.areaId,
        kind: 'quest_ends_soon' as const,
        title: 'A quest you joined ends soon',
        body: `"${p.title}" ends in about ${hours(p.at)} h. Send your evidence before then.`,
        link: questLink(p.questId),
        dedupeKey: `quest-ends-${p.questId}`,
      })),
    ];
    return { notified: await notify(items) };
  }

  /** At most one reminder per officer, area and local day. */
  async function reviewWaiting(now: Date = infra.clock.now()) {
    const backlog = await reads.reviewBacklog(infra.db, new Date(now.getTime() - REVIEW_WAIT_MS));
    const areas = await reads.areaInfo(
      infra.db,
      backlog.map((b) => b.areaId),
    );
    const items = backlog.flatMap((b) => {
      const area = areas.get(b.areaId);
      const day = localDateOf(now, area?.timezone ?? 'UTC');
      return b.officerIds.map((officerId) => ({
        userId: officerId,
        areaId: b.areaId,
        kind: 'review_waiting' as const,
        title: 'Evidence is waiting for review',
        body: `${b.waiting} evidence item${b.waiting === 1 ? ' has' : 's have'} waited more than ${REVIEW_WAIT_MS / 3600_000} hours for an officer in ${area?.name ?? 'your area'}.`,
        link: '/console/review',
        dedupeKey: `review-waiting-${b.areaId}-${day}`,
      }));
    });
    return { notified: await notify(items) };
  }

  return { questsSoon, reviewWaiting };
}
