/**
 * Residents propose a project for a budget round: a title, what it is, and its cost (typed
 * in pounds, sent in pence). It is placed where the resident is, or in the middle of the
 * area; the council checks the spot during feasibility.
 */
import { budgetsContracts, ZProposeBudgetProjectRequest, type BudgetRound } from '@govcraft/shared';
import type { BudgetContext } from './context';
import { call } from '../net/call';
import { bboxCentre } from '../quests/form-values';
import { h } from '../ui/dom';
import { clearErrors, issuesOf, showErrors } from '../ui/errors';
import { formFields, formValues } from '../ui/form-fields';
import { toast } from '../ui/toast';

export function proposeProjectForm(
  ctx: BudgetContext,
  round: BudgetRound,
  done: () => void,
): HTMLFormElement {
  const f = formFields('bp');
  const { position, area } = ctx;
  const spot = position ?? bboxCentre(area.bbox);
  const form = h(
    'form',
    { novalidate: true, class: 'budget-propose', 'aria-labelledby': 'bp-heading' },
    h('h2', { id: 'bp-heading' }, 'Propose a project'),
    f.input('title', 'Project name', { type: 'text', autocomplete: 'off' }),
    f.textarea('description', 'What is it?', 'Say what the money would buy and who it helps.'),
    f.input(
      'costPence',
      'Cost estimate in pounds',
      { type: 'number', min: 1, step: 1, inputmode: 'numeric' },
      'A rough figure is fine; the council checks it.',
    ),
    h(
      'p',
      { class: 'hint' },
      position
        ? 'It will be placed where you are now.'
        : 'It will be placed in the middle of the area; say where in the description.',
    ),
    h('button', { type: 'submit', class: 'button' }, 'Propose project'),
  );
  const v = formValues(form);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    const pounds = Number(v.text('costPence'));
    const parsed = ZProposeBudgetProjectRequest.safeParse({
      title: v.text('title'),
      description: v.text('description'),
      costPence: v.text('costPence') && Number.isFinite(pounds) ? Math.round(pounds * 100) : NaN,
      location: spot,
    });
    try {
      if (!parsed.success) throw issuesOf(parsed.error);
      await call(budgetsContracts.proposeBudgetProject, {
        params: { roundId: round.id },
        body: parsed.data,
      });
      toast('Project proposed. The council will check it after proposals close.', 'success');
      done();
    } catch (err) {
      showErrors(form, err);
    }
  });
  return form;
}
