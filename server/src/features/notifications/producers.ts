/**
 * Turning other features' facts into notifications: evidence decided or reversed, a quest
 * new on the map near someone, a quest someone reported reopened.
 */
import { haversineMetres, LIVE_QUEST_STATUSES, type QuestStatus } from '@govcraft/shared';
import type { Infra } from '../../context';
import type { EvidenceDecidedFact } from '../evidence/facts';
import type { XpReversedFact } from '../progress/facts';
import type { QuestStatusChangedFact } from '../quests/facts';
import type { ChapterUnlockedFact } from '../storylines/facts';
import { questLink, type NotificationInput } from './model';
import * as reads from './reads';
import * as repo from './repo';

const DECISION = {
  verified: { kind: 'evidence_verified', says: 'was verified' },
  rejected: { kind: 'evidence_rejected', says: 'was not accepted' },
  needs_review: { kind: 'evidence_in_review', says: 'went to an officer for review' },
} as const;

const isLive = (s: string | null) => !!s && LIVE_QUEST_STATUSES.includes(s as QuestStatus);

export function createProducers(
  infra: Pick<Infra, 'db'>,
  notify: (items: NotificationInput[]) => Promise<number>,
) {
  async function evidenceDecided(facts: EvidenceDecidedFact[]) {
    const quests = await reads.questInfo(infra.db, [...new Set(facts.map((f) => f.questId))]);
    await notify(
      facts.map((f) => {
        const d = DECISION[f.status];
        const title = quests.get(f.questId)?.title ?? 'a quest';
        return {
          userId: f.userId,
          areaId: f.areaId,
          kind: d.kind,
          title: `Your evidence ${d.says}`,
          body: `Your evidence for "${title}" ${d.says}.`,
          link: questLink(f.questId),
          dedupeKey: `evidence-${f.status}-${f.evidenceId}`,
        };
      }),
    );
  }

  async function xpReversed(facts: XpReversedFact[]) {
    const quests = await reads.questInfo(infra.db, [...new Set(facts.map((f) => f.questId))]);
    await notify(
      facts.map((f) => ({
        userId: f.userId,
        areaId: f.areaId,
        kind: 'evidence_reversed' as const,
        title: 'XP taken back',
        body: `${Math.abs(f.amount)} XP for "${quests.get(f.questId)?.title ?? 'a quest'}" was taken back: ${f.reason}`,
        link: questLink(f.questId),
        dedupeKey: `xp-reversed-${f.ledgerId}`,
      })),
    );
  }

  /** New on the map (not back on it): everyone watching a place within reach hears of it. */
  async function questNearby(fact: QuestStatusChangedFact) {
    const quest = (await reads.questInfo(infra.db, [fact.questId])).get(fact.questId);
    if (!quest) return;
    const watchers = await repo.watchersIn(infra.db, fact.areaId);
    const near = watchers.filter(
      (w) =>
        w.userId !== quest.createdBy &&
        w.watchLat != null &&
        w.watchLng != null &&
        w.watchRadiusM != null &&
        haversineMetres({ lat: w.watchLat, lng: w.watchLng }, quest) <= w.watchRadiusM,
    );
    await notify(
      near.map((w) => ({
        userId: w.userId,
        areaId: fact.areaId,
        kind: 'quest_nearby' as const,
        title: 'New quest near you',
        body: `"${quest.title}" is on the map, ${Math.round(haversineMetres({ lat: w.watchLat!, lng: w.watchLng! }, quest))} m from the place you watch.`,
        link: questLink(quest.id),
        dedupeKey: `quest-nearby-${quest.id}`,
      })),
    );
  }

  async function questReopened(fact: QuestStatusChangedFact) {
    const quest = (await reads.questInfo(infra.db, [fact.questId])).get(fact.questId);
    if (!quest?.proposedBy) return;
    await notify([
      {
        userId: quest.proposedBy,
        areaId: fact.areaId,
        kind: 'quest_reopened',
        title: 'A quest you reported is open again',
        body: `"${quest.title}" was reopened${fact.reason ? `: ${fact.reason}` : '.'}`,
        link: questLink(quest.id),
        dedupeKey: `quest-reopened-${quest.id}-${fact.at}`,
      },
    ]);
  }

  async function questStatusChanged(fact: QuestStatusChangedFact) {
    if (fact.to === 'reopened') return questReopened(fact);
    if (isLive(fact.to) && !isLive(fact.from) && fact.from !== 'closed') return questNearby(fact);
  }

  /** The players of a storyline hear that their work unlocked the next chapter. */
  async function chapterUnlocked(fact: ChapterUnlockedFact) {
    const players = await reads.storylinePlayers(infra.db, fact.storylineId);
    await notify(
      players.map((userId) => ({
        userId,
        areaId: fact.areaId,
        kind: 'chapter_unlocked' as const,
        title: 'A new chapter unlocked',
        body: `Chapter ${fact.position} of "${fact.storylineTitle}", "${fact.chapterTitle}", is open to read.`,
        link: '/?tab=story',
        dedupeKey: `chapter-${fact.storylineId}-${fact.position}`,
      })),
    );
  }

  return { evidenceDecided, xpReversed, questStatusChanged, chapterUnlocked };
}
