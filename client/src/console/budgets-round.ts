/**
 * One budget round in the console: its phase and dates, a button to move it to the next
 * phase now, and during feasibility a feasible / not feasible decision with a public reason
 * for each project.
 */
import {
  BUDGET_PHASES,
  budgetsContracts,
  formatPence,
  type BudgetProject,
  type BudgetRoundView,
} from '@govcraft/shared';
import { call } from '../net/call';
import { h } from '../ui/dom';
import { clearErrors, formProblems, showErrors } from '../ui/errors';
import { dateTimeText } from '../ui/format';
import { toast } from '../ui/toast';

const NEXT_LABEL = {
  proposals: 'Close proposals and start feasibility now',
  feasibility: 'Close feasibility and open voting now',
  voting: 'Close voting and compute results now',
} as const;

function feasibilityForm(p: BudgetProject, reload: () => Promise<void>) {
  const reasonId = `feas-${p.id}`;
  const form = h(
    'form',
    { novalidate: true, class: 'proposal', 'aria-labelledby': `bp-${p.id}` },
    h('h3', { id: `bp-${p.id}` }, `${p.title} · ${formatPence(p.costPence)}`),
    h('p', { class: 'prose' }, p.description),
    p.feasible === null
      ? h('p', { class: 'hint' }, 'Not checked yet.')
      : h(
          'p',
          { class: 'hint' },
          `${p.feasible ? 'Feasible' : 'Not feasible'}: ${p.feasibilityReason}`,
        ),
    h(
      'div',
      { class: 'form-group', 'data-field': 'reason' },
      h('label', { for: reasonId }, 'Public reason (everyone sees it)'),
      h('textarea', { id: reasonId, name: 'reason', rows: 2 }, p.feasibilityReason ?? ''),
    ),
    h(
      'div',
      { class: 'table-actions' },
      h('button', { type: 'button', class: 'button', 'data-feasible': 'yes' }, 'Feasible'),
      h(
        'button',
        { type: 'button', class: 'button warning', 'data-feasible': 'no' },
        'Not feasible',
      ),
    ),
  );
  form.addEventListener('click', async (e) => {
    const act = (e.target as HTMLElement).closest<HTMLElement>('[data-feasible]')?.dataset.feasible;
    if (!act) return;
    clearErrors(form);
    const reason = form.querySelector<HTMLTextAreaElement>('textarea')!.value.trim();
    try {
      if (reason.length < 5)
        throw formProblems({ path: 'reason', message: 'give a reason residents can read' });
      await call(budgetsContracts.decideBudgetFeasibility, {
        params: { projectId: p.id },
        body: { feasible: act === 'yes', reason },
      });
      toast(`${p.title}: marked ${act === 'yes' ? 'feasible' : 'not feasible'}.`, 'success');
      await reload();
    } catch (err) {
      showErrors(form, err);
    }
  });
  return form;
}

export function budgetRoundCard(view: BudgetRoundView, reload: () => Promise<void>): HTMLElement {
  const { round, projects } = view;
  const phaseIndex = BUDGET_PHASES.indexOf(round.phase);
  const advance = h('form', { novalidate: true, class: 'inline-form' });
  if (round.phase !== 'results') {
    advance.append(
      h('button', { type: 'submit', class: 'button secondary' }, NEXT_LABEL[round.phase]),
    );
    advance.addEventListener('submit', async (e) => {
      e.preventDefault();
      try {
        await call(budgetsContracts.advanceBudgetRound, {
          params: { roundId: round.id },
          body: { from: round.phase },
        });
        toast('Round moved on.', 'success');
        await reload();
      } catch (err) {
        showErrors(advance, err);
      }
    });
  }
  return h(
    'article',
    { class: 'budget-round', 'aria-labelledby': `br-${round.id}` },
    h('h2', { id: `br-${round.id}` }, `${round.title} · ${formatPence(round.amountPence)}`),
    h(
      'ol',
      { class: 'budget-phases' },
      BUDGET_PHASES.map((phase, i) =>
        h(
          'li',
          { 'aria-current': phase === round.phase ? 'step' : null },
          phase,
          i < 3
            ? ` (ends ${dateTimeText([round.proposalsEndAt, round.feasibilityEndAt, round.votingEndAt][i]!)})`
            : '',
          i < phaseIndex ? ' — done' : '',
        ),
      ),
    ),
    advance,
    h('h3', {}, `Projects (${projects.length})`),
    round.phase === 'feasibility'
      ? projects.map((p) => feasibilityForm(p, reload))
      : h(
          'ul',
          {},
          projects.map((p) =>
            h(
              'li',
              {},
              `${p.title} · ${formatPence(p.costPence)} · `,
              p.feasible === null ? 'not checked' : p.feasible ? 'feasible' : 'not feasible',
              p.funded ? ' · funded' : '',
            ),
          ),
        ),
  );
}
