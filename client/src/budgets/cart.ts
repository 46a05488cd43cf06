/**
 * The ballot cart: choose feasible projects until the money runs out. Each project has one
 * add/remove button named after it; a project that no longer fits keeps its button (so it
 * can be reached and heard) but explains instead of adding. The running total is announced
 * through one polite live region; the server refuses by the same shared rule.
 */
import {
  ballotProblem,
  budgetsContracts,
  describeBallotProblem,
  formatPence,
  type BudgetProject,
  type BudgetRound,
  type MyBallot,
} from '@govcraft/shared';
import { call } from '../net/call';
import { h, meter, replaceChildren } from '../ui/dom';
import { clearErrors, formProblems, showErrors } from '../ui/errors';
import { dateTimeText } from '../ui/format';
import { toast } from '../ui/toast';

export function ballotCart(
  round: BudgetRound,
  projects: BudgetProject[],
  saved: MyBallot,
): HTMLElement {
  const votable = projects.filter((p) => p.feasible === true);
  const chosen = new Set(saved.projectIds.filter((id) => votable.some((p) => p.id === id)));
  const byId = new Map(votable.map((p) => [p.id, p]));

  const total = () => [...chosen].reduce((s, id) => s + (byId.get(id)?.costPence ?? 0), 0);
  const left = () => round.amountPence - total();
  const full = () => round.maxProjects !== null && chosen.size >= round.maxProjects;

  const live = h('p', { class: 'visually-hidden', 'aria-live': 'polite', role: 'status' });
  const summary = h('div', { class: 'cart-summary' });
  const list = h('ul', { class: 'cart-projects' });
  const form = h('form', { novalidate: true, class: 'cart', 'aria-label': 'Your ballot' });

  const totalWords = () =>
    `${formatPence(total())} of ${formatPence(round.amountPence)} chosen, ` +
    `${formatPence(left())} left, ${chosen.size} project${chosen.size === 1 ? '' : 's'}.`;

  function announce(text: string) {
    // Cleared first so the same words twice are still read out.
    live.textContent = '';
    window.setTimeout(() => (live.textContent = text), 50);
  }

  function whyNot(p: BudgetProject): string | null {
    if (chosen.has(p.id)) return null;
    if (p.costPence > left()) {
      return `Costs ${formatPence(p.costPence - left())} more than you have left. Remove a project to make room.`;
    }
    if (full()) return `You have chosen the most projects allowed (${round.maxProjects}).`;
    return null;
  }

  function toggle(p: BudgetProject) {
    clearErrors(form);
    if (chosen.has(p.id)) {
      chosen.delete(p.id);
      render();
      announce(`Removed ${p.title}. ${totalWords()}`);
      return;
    }
    const reason = whyNot(p);
    if (reason) {
      announce(`${p.title} not added. ${reason}`);
      return;
    }
    chosen.add(p.id);
    render();
    announce(`Added ${p.title}. ${totalWords()}`);
  }

  function item(p: BudgetProject) {
    const inCart = chosen.has(p.id);
    const reason = whyNot(p);
    const noteId = `why-${p.id}`;
    return h(
      'li',
      { class: `cart-project${inCart ? ' in-cart' : ''}` },
      h('h3', {}, p.title),
      h('p', { class: 'cart-cost' }, formatPence(p.costPence)),
      h('p', { class: 'prose' }, p.description),
      p.feasibilityReason
        ? h('p', { class: 'hint' }, `Council check: ${p.feasibilityReason}`)
        : null,
      reason ? h('p', { class: 'hint cart-why', id: noteId }, reason) : null,
      h(
        'button',
        {
          type: 'button',
          class: inCart ? 'button secondary' : 'button',
          'data-project': p.id,
          'aria-describedby': reason ? noteId : null,
          'aria-disabled': reason ? 'true' : null,
          onClick: () => toggle(p),
        },
        inCart ? 'Remove ' : 'Add ',
        h('span', { class: 'visually-hidden' }, `${p.title} `),
        inCart ? 'from ballot' : 'to ballot',
      ),
    );
  }

  function render() {
    const focusedId = (document.activeElement as HTMLElement | null)?.dataset?.project;
    replaceChildren(
      summary,
      h('p', { class: 'cart-total' }, totalWords()),
      meter('Share of the budget chosen', total(), round.amountPence),
    );
    replaceChildren(list, votable.map(item));
    // Keep keyboard focus on the same project's button after the list is redrawn.
    if (focusedId) list.querySelector<HTMLElement>(`[data-project="${focusedId}"]`)?.focus();
  }

  async function submit(e: Event) {
    e.preventDefault();
    clearErrors(form);
    const problem = ballotProblem(round, { totalPence: total(), count: chosen.size });
    try {
      if (problem)
        throw formProblems({ path: 'projectIds', message: describeBallotProblem(problem) });
      const next = await call(budgetsContracts.castBallot, {
        params: { roundId: round.id },
        body: { projectIds: [...chosen] },
      });
      const words = `Your ballot is saved: ${formatPence(next.totalPence)}. You can change it until ${dateTimeText(round.votingEndAt)}.`;
      toast(words, 'success');
      announce(words);
    } catch (err) {
      showErrors(form, err);
    }
  }

  const rules = [
    `Choose projects worth up to ${formatPence(round.amountPence)}.`,
    round.minProjects > 0 ? ` At least ${round.minProjects}.` : '',
    round.maxProjects !== null ? ` At most ${round.maxProjects}.` : '',
    ` Voting closes ${dateTimeText(round.votingEndAt)}.`,
  ].join('');
  replaceChildren(
    form,
    h('p', {}, rules),
    summary,
    h('div', { 'data-field': 'projectIds', class: 'form-group' }, list),
    h(
      'div',
      { class: 'cart-actions' },
      h(
        'button',
        { type: 'submit', class: 'button' },
        saved.updatedAt ? 'Update my ballot' : 'Cast my ballot',
      ),
    ),
    live,
  );
  form.addEventListener('submit', (e) => void submit(e));
  render();
  return form;
}
