/**
 * Ratings of a completed quest's outcome: residents who took part or are members of the
 * area rate 1–5 with an optional comment; rating again replaces their rating. Averages per
 * quest and per main superpower are open data (no comments, nothing personal).
 */
import {
  OPEN_DATA_LICENCE,
  SUPERPOWERS,
  type AreaRatings,
  type QuestRatings,
  type RatingAverage,
  type Superpower,
} from '@govcraft/shared';
import type { Infra } from '../../context';
import { AppError, forbidden, notFound } from '../../lib/errors';
import type { AreasService } from '../areas/service';
import * as repo from './repo';

/** A quest's outcome can be rated once it ended or someone's completion was verified. */
const ENDED_STATUSES = new Set(['closed', 'archived']);

const mean = (sum: number, n: number) => (n === 0 ? null : Math.round((sum / n) * 100) / 100);

export function createRatingsService(
  infra: Pick<Infra, 'db' | 'clock'>,
  deps: { areas: Pick<AreasService, 'bySlug'> },
) {
  /** Why `userId` may not rate the quest, or null when they may. */
  function refusal(
    e: NonNullable<Awaited<ReturnType<typeof repo.eligibility>>>,
    userId: string | null,
  ) {
    if (!userId) return 'sign in to rate';
    if (!ENDED_STATUSES.has(e.status) && Number(e.completions) === 0)
      return 'only a completed quest can be rated';
    if (!e.tookPart && !e.isMember)
      return 'only people who took part or are members of the area can rate';
    return null;
  }

  async function forQuest(questId: string, userId: string | null): Promise<QuestRatings> {
    const e = await repo.eligibility(infra.db, questId, userId);
    if (!e) throw notFound('quest');
    const [{ n, mean: m }, mine] = await Promise.all([
      repo.averageOfQuest(infra.db, questId),
      userId ? repo.ratingOf(infra.db, questId, userId) : null,
    ]);
    const reason = refusal(e, userId);
    return {
      questId,
      count: n,
      average: m === null ? null : Math.round(Number(m) * 100) / 100,
      mine: mine
        ? { stars: mine.stars, comment: mine.comment, updatedAt: mine.updatedAt.toISOString() }
        : null,
      canRate: reason === null,
      reason,
    };
  }

  async function rate(
    userId: string,
    questId: string,
    input: { stars: number; comment: string | null },
  ): Promise<QuestRatings> {
    const e = await repo.eligibility(infra.db, questId, userId);
    if (!e) throw notFound('quest');
    const reason = refusal(e, userId);
    if (reason === 'only a completed quest can be rated') throw new AppError('conflict', reason);
    if (reason) throw forbidden(reason);
    await repo.upsertRating(infra.db, {
      questId,
      areaId: e.areaId,
      userId,
      stars: input.stars,
      comment: input.comment,
      at: infra.clock.now(),
    });
    return forQuest(questId, userId);
  }

  /** Averages for the area: per quest, per main superpower and overall. */
  async function forArea(slug: string): Promise<AreaRatings> {
    const area = await deps.areas.bySlug(slug);
    const rows = await repo.averagesByQuest(infra.db, area.id);
    const sums = new Map<Superpower, { n: number; sum: number }>(
      SUPERPOWERS.map((s) => [s, { n: 0, sum: 0 }]),
    );
    let n = 0;
    let sum = 0;
    const byQuest = rows.map((r) => {
      const count = Number(r.n);
      const total = Number(r.sum);
      n += count;
      sum += total;
      const bucket = sums.get(r.mainSuperpower as Superpower);
      if (bucket) {
        bucket.n += count;
        bucket.sum += total;
      }
      return { questId: r.questId, title: r.title, count, average: mean(total, count) };
    });
    const bySuperpower = Object.fromEntries(
      [...sums].map(([s, b]) => [s, { count: b.n, average: mean(b.sum, b.n) }]),
    ) as Record<Superpower, RatingAverage>;
    return {
      area: { slug: area.slug, name: area.name },
      generatedAt: infra.clock.now().toISOString(),
      licence: OPEN_DATA_LICENCE,
      overall: { count: n, average: mean(sum, n) },
      bySuperpower,
      byQuest,
    };
  }

  return { forQuest, rate, forArea };
}
export type RatingsService = ReturnType<typeof createRatingsService>;
