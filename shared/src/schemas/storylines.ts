import { z } from 'zod';
import { ZId, ZIsoDateTime, ZList, ZPlainText } from './common';

export const STORYLINE_GOAL_MAX = 1_000_000;

export const ZCreateChapter = z.object({
  title: ZPlainText(120, { min: 2 }),
  narrative: ZPlainText(4000, { min: 10, multiline: true }),
  /** Verified completions at which the chapter unlocks; 0 = open from the start. */
  threshold: z.number().int().min(0).max(STORYLINE_GOAL_MAX),
});
export type CreateChapter = z.infer<typeof ZCreateChapter>;

export const ZCreateStorylineRequest = z
  .object({
    title: ZPlainText(120, { min: 3 }),
    narrative: ZPlainText(4000, { min: 10, multiline: true }),
    goal: z.number().int().min(1).max(STORYLINE_GOAL_MAX),
    chapters: z.array(ZCreateChapter).min(1).max(20),
  })
  .superRefine((s, ctx) => {
    s.chapters.forEach((c, i) => {
      const previous = s.chapters[i - 1];
      if (previous && c.threshold <= previous.threshold) {
        ctx.addIssue({
          code: 'custom',
          path: ['chapters', i, 'threshold'],
          message: 'each chapter needs a higher threshold than the one before',
        });
      }
      if (c.threshold > s.goal) {
        ctx.addIssue({
          code: 'custom',
          path: ['chapters', i, 'threshold'],
          message: 'a chapter cannot unlock after the goal is reached',
        });
      }
    });
  });
export type CreateStorylineRequest = z.infer<typeof ZCreateStorylineRequest>;

/** Locked chapters keep their story a surprise: narrative and unlockedAt are null. */
export const ZStorylineChapter = z.object({
  position: z.number().int(),
  title: z.string(),
  threshold: z.number().int(),
  unlocked: z.boolean(),
  narrative: z.string().nullable(),
  unlockedAt: ZIsoDateTime.nullable(),
});
export type StorylineChapter = z.infer<typeof ZStorylineChapter>;

export const ZStoryline = z.object({
  id: ZId,
  areaId: ZId,
  title: z.string(),
  narrative: z.string(),
  goal: z.number().int(),
  /** Verified completions of the storyline's quests so far. */
  completed: z.number().int(),
  chapters: z.array(ZStorylineChapter),
  createdAt: ZIsoDateTime,
});
export type Storyline = z.infer<typeof ZStoryline>;

export const ZStorylineList = ZList(ZStoryline);
export const ZStorylineParams = z.object({ storylineId: ZId });
