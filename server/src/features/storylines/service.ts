/**
 * Storylines give quests an epic meaning: a communal goal and chapters that unlock as the
 * area's verified completions grow. Progress is derived, never stored (a completion stops
 * counting when its quest is reopened as not fixed); only each chapter's unlock moment is
 * recorded, so the celebration happens exactly once.
 */
import {
  rooms,
  type CreateStorylineRequest,
  type Storyline,
  type StorylineChapter,
} from '@govcraft/shared';
import type { Infra } from '../../context';
import { notFound } from '../../lib/errors';
import type { AreasService } from '../areas/service';
import type { AuditService } from '../audit/service';
import type { EvidenceDecidedFact } from '../evidence/facts';
import type { QuestStatusChangedFact } from '../quests/facts';
import * as repo from './repo';

function toChapter(row: repo.ChapterRow): StorylineChapter {
  const unlocked = row.unlockedAt !== null;
  return {
    position: row.position,
    title: row.title,
    threshold: row.threshold,
    unlocked,
    // Locked chapters keep their story a surprise until the area gets there.
    narrative: unlocked ? row.narrative : null,
    unlockedAt: row.unlockedAt?.toISOString() ?? null,
  };
}

export function createStorylinesService(
  infra: Pick<Infra, 'db' | 'clock' | 'io' | 'logger' | 'events'>,
  deps: { areas: AreasService; audit: AuditService },
) {
  async function present(rows: repo.StorylineRow[]): Promise<Storyline[]> {
    const ids = rows.map((r) => r.id);
    const [chapters, counts] = await Promise.all([
      repo.chaptersOf(infra.db, ids),
      repo.completedCounts(infra.db, ids),
    ]);
    return rows.map((r) => ({
      id: r.id,
      areaId: r.areaId,
      title: r.title,
      narrative: r.narrative,
      goal: r.goal,
      completed: counts.get(r.id) ?? 0,
      chapters: chapters.filter((c) => c.storylineId === r.id).map(toChapter),
      createdAt: r.createdAt.toISOString(),
    }));
  }

  async function create(actorId: string, areaSlug: string, input: CreateStorylineRequest) {
    const areaId = await deps.areas.idOfSlug(areaSlug);
    const row = await infra.db.transaction(async (tx) => {
      const storyline = await repo.insertStoryline(
        tx,
        { areaId, title: input.title, narrative: input.narrative, goal: input.goal },
        input.chapters.map((c, i) => ({ ...c, position: i + 1 })),
      );
      // Chapters at threshold 0 are the prologue: open from the start.
      await repo.unlockReached(tx, storyline.id, 0, infra.clock.now());
      await deps.audit.record(tx, {
        areaId,
        actorId,
        action: 'storyline.create',
        entityType: 'storyline',
        entityId: storyline.id,
        after: { title: input.title, goal: input.goal, chapters: input.chapters.length },
      });
      return storyline;
    });
    return (await present([row]))[0]!;
  }

  async function get(storylineId: string): Promise<Storyline> {
    const row = await repo.findStoryline(infra.db, storylineId);
    if (!row) throw notFound('storyline');
    return (await present([row]))[0]!;
  }

  /** Recounts one storyline, unlocks what it reached and tells the area. */
  async function recordProgress(storylineId: string): Promise<void> {
    const row = await repo.findStoryline(infra.db, storylineId);
    if (!row) return;
    const completed = (await repo.completedCounts(infra.db, [row.id])).get(row.id) ?? 0;
    const unlocked = await repo.unlockReached(infra.db, row.id, completed, infra.clock.now());
    const base = { storylineId: row.id, areaId: row.areaId, completed, goal: row.goal };
    const room = infra.io.to(rooms.area(row.areaId));
    if (unlocked.length === 0) room.emit('storyline:progress', { ...base, unlockedChapter: null });
    for (const c of unlocked) {
      room.emit('storyline:progress', {
        ...base,
        unlockedChapter: { position: c.position, title: c.title, narrative: c.narrative },
      });
      await infra.events.publish('storyline.chapterUnlocked', {
        storylineId: row.id,
        areaId: row.areaId,
        storylineTitle: row.title,
        position: c.position,
        chapterTitle: c.title,
      });
    }
  }

  /** Recounts the storylines these quests belong to (each once). */
  async function recountForQuests(questIds: readonly string[]): Promise<void> {
    const storylineIds = await repo.storylinesOfQuests(infra.db, [...new Set(questIds)]);
    for (const storylineId of storylineIds) await recordProgress(storylineId);
  }

  /** Listener for `evidence.decided`: only verified evidence moves a storyline forward. */
  async function onEvidenceDecided(facts: EvidenceDecidedFact[]): Promise<void> {
    await recountForQuests(facts.filter((f) => f.status === 'verified').map((f) => f.questId));
  }

  /**
   * Listener for `quest.statusChanged`: a reopened quest's completions stop counting, so its
   * storyline's progress goes back (chapters already unlocked stay unlocked: the story was
   * told). Other moves do not change what counts.
   */
  async function onQuestStatusChanged(fact: QuestStatusChangedFact): Promise<void> {
    if (fact.to === 'reopened') await recountForQuests([fact.questId]);
  }

  return {
    create,
    get,
    list: async (areaSlug: string) =>
      present(await repo.listStorylines(infra.db, await deps.areas.idOfSlug(areaSlug))),
    /** The storyline's area, or null when there is no such storyline. */
    areaOf: async (storylineId: string) =>
      (await repo.findStoryline(infra.db, storylineId))?.areaId ?? null,
    recordProgress,
    onEvidenceDecided,
    onQuestStatusChanged,
    /** Listener for `xp.reversed`: a completion taken back no longer counts either. */
    onXpReversed: (facts: { questId: string }[]) => recountForQuests(facts.map((f) => f.questId)),
  };
}
export type StorylinesService = ReturnType<typeof createStorylinesService>;
