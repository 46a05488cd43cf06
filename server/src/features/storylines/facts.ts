/** The facts storylines publish after the change that made them committed. */

/** A chapter reached its threshold and unlocked (once per chapter, ever). */
export interface ChapterUnlockedFact {
  storylineId: string;
  areaId: string;
  storylineTitle: string;
  position: number;
  chapterTitle: string;
}
