import { describe, expect, it } from 'vitest';
import { MISSING_PART_MESSAGES, missingParts } from './evidence-requirements';

const ALL = { checkin: true, photo: true, text: true };
const NONE = { checkin: false, photo: false, text: false };

describe('missingParts', () => {
  it('asks for nothing when the quest demands nothing', () => {
    expect(missingParts(NONE, NONE)).toEqual([]);
  });

  it('asks for nothing when every demanded part is given', () => {
    expect(missingParts(ALL, ALL)).toEqual([]);
  });

  it('names each missing part in a fixed order with the server wording', () => {
    expect(missingParts(ALL, NONE)).toEqual([
      { path: 'checkin', message: MISSING_PART_MESSAGES.checkin },
      { path: 'photo', message: MISSING_PART_MESSAGES.photo },
      { path: 'text', message: MISSING_PART_MESSAGES.text },
    ]);
  });

  it('ignores parts that were given but not demanded', () => {
    expect(missingParts({ checkin: false, photo: true, text: false }, ALL)).toEqual([]);
    expect(missingParts({ checkin: false, photo: true, text: false }, NONE)).toEqual([
      { path: 'photo', message: MISSING_PART_MESSAGES.photo },
    ]);
  });

  it('words issues with the caller’s messages when given', () => {
    const mine = { checkin: 'Check in first', photo: 'Add a photo', text: 'Write a note' };
    expect(missingParts({ checkin: true, photo: false, text: true }, NONE, mine)).toEqual([
      { path: 'checkin', message: 'Check in first' },
      { path: 'text', message: 'Write a note' },
    ]);
  });
});
