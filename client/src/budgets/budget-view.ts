/**
 * The budget page's body: the area's current participatory budget round. In voting, residents fill
 * the ballot cart; before that they see the projects and their council checks; after, the
 * results by the published method.
 */
import {
  BUDGET_METHOD_DESCRIPTION,
  budgetsContracts,
  formatPence,
  type BudgetRound,
  type BudgetRoundView,
} from '@govcraft/shared';
import type { BudgetContext } from './context';
import { requireSignIn, signInPrompt } from '../auth/sign-in';
import { call } from '../net/call';
import { h, replaceChildren } from '../ui/dom';
import { errorMessage, loadOrExplain } from '../ui/errors';
import { dateTimeText } from '../ui/format';
import { ballotCart } from './cart';
import { proposeProjectForm } from './propose-project';
import './budgets.css';

const PHASE_WORDS: Record<BudgetRound['phase'], string> = {
  proposals: 'Residents are proposing projects',
  feasibility: 'The council is checking which projects can be done',
  voting: 'Voting is open',
  results: 'Results are in',
};

/** The round to show: one in voting first, else the newest. */
const currentRound = (rounds: BudgetRound[]) =>
  rounds.find((r) => r.phase === 'voting') ?? rounds[0] ?? null;

export function budgetView(ctx: BudgetContext): HTMLElement {
  const el = h('section', { class: 'budget', 'aria-labelledby': 'budget-heading' });
  const heading = () => h('h1', { id: 'budget-heading' }, 'Community budget');

  async function results(round: BudgetRound) {
    const r = await call(budgetsContracts.getBudgetResults, { params: { roundId: round.id } });
    return h(
      'div',
      {},
      h(
        'p',
        {},
        `${r.ballots} ballots. ${formatPence(r.allocatedPence)} of ${formatPence(r.amountPence)} allocated.`,
      ),
      h(
        'table',
        { class: 'data-table' },
        h('caption', { class: 'visually-hidden' }, 'Votes and funding per project'),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col' }, 'Project'),
            h('th', { scope: 'col' }, 'Votes'),
            h('th', { scope: 'col' }, 'Cost'),
            h('th', { scope: 'col' }, 'Funded'),
          ),
        ),
        h(
          'tbody',
          {},
          r.lines.map((l) =>
            h(
              'tr',
              {},
              h('th', { scope: 'row' }, l.title),
              h('td', {}, String(l.votes)),
              h('td', {}, formatPence(l.costPence)),
              h('td', {}, l.funded ? 'Yes' : 'No'),
            ),
          ),
        ),
      ),
      h('p', { class: 'hint' }, `Method: ${BUDGET_METHOD_DESCRIPTION}`),
    );
  }

  async function show(view: BudgetRoundView) {
    const { round, projects } = view;
    const intro = [
      heading(),
      h('h2', {}, round.title),
      h('p', {}, `${PHASE_WORDS[round.phase]}. Budget ${formatPence(round.amountPence)}.`),
    ];
    if (round.phase === 'voting') {
      const me = requireSignIn(ctx.me, el, { reason: 'to vote in the budget.' }, ...intro);
      if (!me) return;
      const saved = await call(budgetsContracts.getMyBallot, { params: { roundId: round.id } });
      replaceChildren(el, ...intro, ballotCart(round, projects, saved));
      return;
    }
    if (round.phase === 'results') {
      replaceChildren(el, ...intro, await results(round));
      return;
    }
    const proposing =
      round.phase === 'proposals'
        ? ctx.me
          ? proposeProjectForm(ctx, round, () => void load())
          : signInPrompt({ reason: 'to propose a project.' })
        : null;
    replaceChildren(
      el,
      ...intro,
      h('p', { class: 'hint' }, `Voting starts ${dateTimeText(round.feasibilityEndAt)}.`),
      proposing,
      h(
        'ul',
        { class: 'cart-projects' },
        projects.map((p) =>
          h(
            'li',
            { class: 'cart-project' },
            h('h3', {}, p.title),
            h('p', { class: 'cart-cost' }, formatPence(p.costPence)),
            p.feasible === null
              ? null
              : h(
                  'p',
                  { class: 'hint' },
                  `${p.feasible ? 'Feasible' : 'Not feasible'}: ${p.feasibilityReason ?? ''}`,
                ),
          ),
        ),
      ),
    );
  }

  const load = () =>
    loadOrExplain(
      el,
      async () => {
        const rounds = await call(budgetsContracts.listBudgetRounds, {
          params: { slug: ctx.area.slug },
        });
        const round = currentRound(rounds.items);
        return round
          ? call(budgetsContracts.getBudgetRound, { params: { roundId: round.id } })
          : null;
      },
      (view) => {
        if (!view) {
          replaceChildren(
            el,
            heading(),
            h('p', { class: 'empty-state' }, 'No budget round in this area yet.'),
          );
          return;
        }
        void show(view).catch((err: unknown) =>
          replaceChildren(el, heading(), h('p', { class: 'empty-state' }, errorMessage(err))),
        );
      },
    );
  replaceChildren(el, heading(), h('p', { role: 'status' }, 'Loading the budget…'));
  void load();
  return el;
}
