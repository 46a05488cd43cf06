/**
 * Participatory budget rules, shared so the ballot cart shows exactly what the server will
 * decide: what makes a ballot valid, and the published method that turns ballots into
 * funded projects. Pure: the same ballots always give the same results.
 */

export const BUDGET_METHOD_DESCRIPTION =
  'Greedy by votes within the budget: projects are sorted by votes (most first; ties by lower ' +
  'cost, then by id), and each is funded if its cost fits in the money still unallocated; ' +
  'one that does not fit is skipped and the next is tried. A project with no votes is not funded.';

export interface BudgetProjectInput {
  id: string;
  costPence: number;
}

export interface BudgetResultEntry {
  projectId: string;
  costPence: number;
  votes: number;
  funded: boolean;
}

export interface BudgetOutcome {
  lines: BudgetResultEntry[];
  allocatedPence: number;
  remainingPence: number;
  ballots: number;
}

/** Votes per project from the ballots (each ballot lists project ids). */
export function tallyVotes(ballots: readonly (readonly string[])[]): Map<string, number> {
  const votes = new Map<string, number>();
  for (const ballot of ballots) {
    for (const id of new Set(ballot)) votes.set(id, (votes.get(id) ?? 0) + 1);
  }
  return votes;
}

/** The published method: ranking order, then fund while the money lasts, skipping misfits. */
export function computeBudgetResults(
  amountPence: number,
  projects: readonly BudgetProjectInput[],
  ballots: readonly (readonly string[])[],
): BudgetOutcome {
  const votes = tallyVotes(ballots);
  const ranked = projects
    .map((p) => ({ projectId: p.id, costPence: p.costPence, votes: votes.get(p.id) ?? 0 }))
    .sort(
      (a, b) =>
        b.votes - a.votes ||
        a.costPence - b.costPence ||
        (a.projectId < b.projectId ? -1 : a.projectId > b.projectId ? 1 : 0),
    );
  let remaining = amountPence;
  const lines = ranked.map((line) => {
    const funded = line.votes > 0 && line.costPence <= remaining;
    if (funded) remaining -= line.costPence;
    return { ...line, funded };
  });
  return {
    lines,
    allocatedPence: amountPence - remaining,
    remainingPence: remaining,
    ballots: ballots.length,
  };
}

export interface BallotRules {
  amountPence: number;
  minProjects: number;
  maxProjects: number | null;
}

export type BallotProblem =
  | { kind: 'over-budget'; overPence: number }
  | { kind: 'too-few'; min: number }
  | { kind: 'too-many'; max: number };

/** Why a cart of this total and size cannot be cast, or null when it can. */
export function ballotProblem(
  rules: BallotRules,
  cart: { totalPence: number; count: number },
): BallotProblem | null {
  if (cart.totalPence > rules.amountPence) {
    return { kind: 'over-budget', overPence: cart.totalPence - rules.amountPence };
  }
  if (rules.maxProjects !== null && cart.count > rules.maxProjects) {
    return { kind: 'too-many', max: rules.maxProjects };
  }
  if (cart.count < rules.minProjects) return { kind: 'too-few', min: rules.minProjects };
  return null;
}

/** Pence as pounds for people: £1,234.50, or £1,234 for whole pounds. */
export function formatPence(pence: number): string {
  const pounds = Math.floor(Math.abs(pence) / 100);
  const rest = Math.abs(pence) % 100;
  const sign = pence < 0 ? '-' : '';
  const whole = pounds.toLocaleString('en-GB');
  return `${sign}£${whole}${rest ? `.${String(rest).padStart(2, '0')}` : ''}`;
}

/** A ballot problem in words, the same on the phone and in the server's 400. */
export function describeBallotProblem(problem: BallotProblem): string {
  switch (problem.kind) {
    case 'over-budget':
      return `this ballot is ${formatPence(problem.overPence)} over the budget; remove a project`;
    case 'too-many':
      return `choose at most ${problem.max} project${problem.max === 1 ? '' : 's'}`;
    case 'too-few':
      return `choose at least ${problem.min} project${problem.min === 1 ? '' : 's'}`;
  }
}
