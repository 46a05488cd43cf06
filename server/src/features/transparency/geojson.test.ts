import { describe, expect, it } from 'vitest';
import { questOutcome } from './geojson';
import type { QuestRow } from './repo';

const ENDS = new Date('2026-11-30T17:00:00Z');
const quest = (status: string) => ({ status, endsAt: ENDS }) as QuestRow;
const change = (status: string, reason: string | null = null) => ({
  status,
  reason,
  at: new Date('2026-11-20T09:00:00Z'),
});

describe('questOutcome', () => {
  it.each([
    ['published', 0],
    ['active', 3],
    ['reopened', 1],
  ])('a %s quest (%i verified) is still open', (status, verified) => {
    expect(
      questOutcome({ quest: quest(status), verifiedCompletions: verified, lastChange: undefined }),
    ).toEqual({
      outcome: 'open',
      reason: null,
    });
  });

  it('a closed quest with a verified completion is completed', () => {
    expect(
      questOutcome({
        quest: quest('closed'),
        verifiedCompletions: 2,
        lastChange: change('closed'),
      }),
    ).toEqual({ outcome: 'completed', reason: null });
  });

  it('a closed quest with none failed, on the day it was closed', () => {
    expect(
      questOutcome({
        quest: quest('closed'),
        verifiedCompletions: 0,
        lastChange: change('closed'),
      }),
    ).toEqual({ outcome: 'failed', reason: 'Closed on 2026-11-20 without a verified completion.' });
    expect(
      questOutcome({
        quest: quest('archived'),
        verifiedCompletions: 0,
        lastChange: change('closed'),
      }).reason,
    ).toBe('Closed on 2026-11-30 without a verified completion.');
  });

  it('a reason given with the move to the current status is the public reason', () => {
    const why = 'The contractor could not reach the site before the deadline.';
    expect(
      questOutcome({
        quest: quest('failed'),
        verifiedCompletions: 1,
        lastChange: change('failed', why),
      }),
    ).toEqual({ outcome: 'failed', reason: why });
    expect(
      questOutcome({
        quest: quest('closed'),
        verifiedCompletions: 0,
        lastChange: change('closed', why),
      }),
    ).toEqual({ outcome: 'failed', reason: why });
  });
});
