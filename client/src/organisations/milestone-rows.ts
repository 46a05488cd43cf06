/**
 * The milestone rows of the pitch form: add and remove rows, and a live total that says
 * whether the amounts add up to the budget (announced politely as it changes).
 */
import type { Milestone } from '@govcraft/shared';
import { h } from '../ui/dom';
import { penceText, poundsToPence } from './words';

type Values = { title: string; amountPence: number; evidencedBy: string };

export function milestoneRows(initial: Pick<Milestone, 'title' | 'amountPence' | 'evidencedBy'>[]) {
  const list = h('ol', { class: 'milestone-rows' });
  const total = h('p', { class: 'hint', 'aria-live': 'polite', id: 'pf-total' });
  let budget: number | null = null;
  let counter = 0;

  function row(m?: Values): HTMLElement {
    const n = ++counter;
    const li = h(
      'li',
      { class: 'milestone-row' },
      h('label', { for: `ms-title-${n}` }, 'Milestone'),
      h('input', {
        id: `ms-title-${n}`,
        type: 'text',
        'data-part': 'title',
        value: m?.title ?? '',
      }),
      h('label', { for: `ms-amount-${n}` }, 'Amount (£)'),
      h('input', {
        id: `ms-amount-${n}`,
        type: 'text',
        'data-part': 'amount',
        inputmode: 'decimal',
        value: m ? (m.amountPence / 100).toFixed(2) : '',
      }),
      h('label', { for: `ms-ev-${n}` }, 'Evidenced by'),
      h('input', {
        id: `ms-ev-${n}`,
        type: 'text',
        'data-part': 'evidencedBy',
        value: m?.evidencedBy ?? '',
      }),
    );
    const remove = h('button', { type: 'button', class: 'link-button' }, 'Remove this milestone');
    remove.addEventListener('click', () => {
      li.remove();
      update();
      list.querySelector<HTMLInputElement>('input')?.focus();
    });
    li.append(remove);
    li.addEventListener('input', update);
    return li;
  }

  function values(): Values[] {
    return [...list.querySelectorAll('li')].map((li) => {
      const part = (p: string) =>
        li.querySelector<HTMLInputElement>(`[data-part="${p}"]`)!.value.trim();
      return {
        title: part('title'),
        amountPence: poundsToPence(part('amount')) ?? Number.NaN,
        evidencedBy: part('evidencedBy'),
      };
    });
  }

  function update() {
    const sum = values().reduce((s, m) => s + (Number.isNaN(m.amountPence) ? 0 : m.amountPence), 0);
    total.textContent =
      budget === null
        ? `Milestones add up to ${penceText(sum)}.`
        : sum === budget
          ? `Milestones add up to the budget, ${penceText(sum)}.`
          : `Milestones add up to ${penceText(sum)}; the budget is ${penceText(budget)}.`;
  }

  for (const m of initial.length ? initial : [undefined, undefined]) list.append(row(m));
  const add = h('button', { type: 'button', class: 'button secondary' }, 'Add a milestone');
  add.addEventListener('click', () => {
    const li = row();
    list.append(li);
    li.querySelector('input')?.focus();
    update();
  });
  update();
  const el = h(
    'fieldset',
    { class: 'form-group', 'data-field': 'milestones' },
    h('legend', {}, 'Milestones (money is paid for each once it is evidenced)'),
    list,
    add,
    total,
  );
  return {
    el,
    values,
    setBudget(pence: number | null) {
      budget = pence;
      update();
    },
  };
}
