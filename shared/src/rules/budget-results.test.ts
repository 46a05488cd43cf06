import { describe, expect, it } from 'vitest';
import {
  ballotProblem,
  computeBudgetResults,
  describeBallotProblem,
  formatPence,
  tallyVotes,
} from './budget-results';

const projects = [
  { id: 'a', costPence: 50_000 },
  { id: 'b', costPence: 30_000 },
  { id: 'c', costPence: 40_000 },
  { id: 'd', costPence: 10_000 },
];

describe('computeBudgetResults (greedy by votes within budget)', () => {
  it('funds by votes and skips a project that no longer fits', () => {
    const ballots = [['a', 'c'], ['a', 'c'], ['a', 'b'], ['c'], ['b', 'd']];
    // votes: a 3, c 3, b 2, d 1; a and c tie → cheaper c first.
    const out = computeBudgetResults(80_000, projects, ballots);
    expect(out.lines.map((l) => [l.projectId, l.votes, l.funded])).toEqual([
      ['c', 3, true],
      ['a', 3, false],
      ['b', 2, true],
      ['d', 1, true],
    ]);
    expect(out.allocatedPence).toBe(80_000);
    expect(out.remainingPence).toBe(0);
    expect(out.ballots).toBe(5);
  });

  it('is the same whatever order the ballots and projects come in', () => {
    const ballots = [['a'], ['b', 'd'], ['a', 'd'], ['c']];
    const one = computeBudgetResults(70_000, projects, ballots);
    const two = computeBudgetResults(70_000, [...projects].reverse(), [...ballots].reverse());
    expect(two).toEqual(one);
  });

  it('funds nothing without votes and counts a repeated id once', () => {
    const out = computeBudgetResults(100_000, projects, [['d', 'd']]);
    expect(out.lines.find((l) => l.projectId === 'd')).toMatchObject({ votes: 1, funded: true });
    expect(out.lines.filter((l) => l.funded)).toHaveLength(1);
    expect(tallyVotes([['x', 'x', 'y']]).get('x')).toBe(1);
  });
});

describe('ballotProblem', () => {
  const rules = { amountPence: 100_000, minProjects: 1, maxProjects: 3 };
  it.each([
    [{ totalPence: 100_001, count: 2 }, 'this ballot is £0.01 over the budget; remove a project'],
    [{ totalPence: 150_000, count: 2 }, 'this ballot is £500 over the budget; remove a project'],
    [{ totalPence: 10, count: 4 }, 'choose at most 3 projects'],
    [{ totalPence: 0, count: 0 }, 'choose at least 1 project'],
  ])('%o → %s', (cart, words) => {
    const problem = ballotProblem(rules, cart);
    expect(problem && describeBallotProblem(problem)).toBe(words);
  });
  it('accepts a cart exactly on budget', () => {
    expect(ballotProblem(rules, { totalPence: 100_000, count: 3 })).toBeNull();
  });
  it('formats pence', () => {
    expect(formatPence(123_456)).toBe('£1,234.56');
    expect(formatPence(500_000)).toBe('£5,000');
  });
});
