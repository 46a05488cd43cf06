/**
 * Which parts of a quest's evidence rules a submission leaves out. The server refuses such
 * a submission with a 400 naming each part; the client checks the same rule before
 * uploading, so both always agree on what a quest needs.
 */
import type { EvidenceRules } from '../schemas/quests';

export type EvidencePart = 'checkin' | 'photo' | 'text';

/** What a submission carries; each side decides what counts as present (e.g. a blank note). */
export type EvidenceGiven = Record<EvidencePart, boolean>;

export interface MissingPartIssue {
  path: EvidencePart;
  message: string;
}

/** The server's wording, one sentence per part, as the 400 issues name them. */
export const MISSING_PART_MESSAGES: Readonly<Record<EvidencePart, string>> = {
  checkin: 'this quest needs a check-in at the spot',
  photo: 'this quest needs a photo',
  text: 'this quest needs a note',
};

const PARTS: readonly EvidencePart[] = ['checkin', 'photo', 'text'];

/**
 * The parts `rules` demand that `given` lacks, in a fixed order (check-in, photo, note), as
 * issues worded by `messages` (the server's wording unless the caller has its own).
 */
export function missingParts(
  rules: Pick<EvidenceRules, EvidencePart>,
  given: EvidenceGiven,
  messages: Readonly<Record<EvidencePart, string>> = MISSING_PART_MESSAGES,
): MissingPartIssue[] {
  return PARTS.filter((part) => rules[part] && !given[part]).map((part) => ({
    path: part,
    message: messages[part],
  }));
}
