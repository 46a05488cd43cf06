/**
 * Participatory budgets in the console: open a round (amount in whole pounds here, stored
 * in pence) with the date each phase ends, and manage the rounds already open.
 */
import { budgetsContracts, ZOpenBudgetRoundRequest } from '@govcraft/shared';
import { call } from '../net/call';
import { localInputToIso, toLocalInput } from '../quests/form-values';
import { h, replaceChildren } from '../ui/dom';
import { clearErrors, issuesOf, loadOrExplain, showErrors } from '../ui/errors';
import { formFields, formValues } from '../ui/form-fields';
import { toast } from '../ui/toast';
import { budgetRoundCard } from './budgets-round';
import type { ConsoleContext, Section } from './types';

const DAY_MS = 86_400_000;

function openForm(ctx: ConsoleContext, reload: () => Promise<void>) {
  const f = formFields('budget');
  const at = (days: number) => toLocalInput(new Date(Date.now() + days * DAY_MS));
  const form = h(
    'form',
    { novalidate: true, class: 'budget-open' },
    h('h2', {}, 'Open a round'),
    f.input('title', 'Title', { type: 'text', required: true }),
    f.input('amountPounds', 'Budget in pounds', {
      type: 'number',
      min: 1,
      step: 1,
      inputmode: 'numeric',
    }),
    f.input('proposalsEndAt', 'Proposals end', { type: 'datetime-local', value: at(14) }),
    f.input('feasibilityEndAt', 'Feasibility checks end', {
      type: 'datetime-local',
      value: at(21),
    }),
    f.input('votingEndAt', 'Voting ends', { type: 'datetime-local', value: at(35) }),
    f.input('minProjects', 'Fewest projects on a ballot', { type: 'number', min: 0, value: 1 }),
    f.input('maxProjects', 'Most projects on a ballot (empty: no limit)', {
      type: 'number',
      min: 1,
    }),
    h('button', { type: 'submit', class: 'button' }, 'Open round'),
  );
  const v = formValues(form);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    const pounds = Number(v.text('amountPounds'));
    const parsed = ZOpenBudgetRoundRequest.safeParse({
      title: v.text('title'),
      amountPence: Number.isFinite(pounds) ? Math.round(pounds * 100) : NaN,
      proposalsEndAt: localInputToIso(v.text('proposalsEndAt')),
      feasibilityEndAt: localInputToIso(v.text('feasibilityEndAt')),
      votingEndAt: localInputToIso(v.text('votingEndAt')),
      minProjects: Number(v.text('minProjects') || 0),
      maxProjects: v.text('maxProjects') ? Number(v.text('maxProjects')) : null,
    });
    try {
      if (!parsed.success) throw issuesOf(parsed.error);
      await call(budgetsContracts.openBudgetRound, {
        params: { slug: ctx.area.slug },
        body: parsed.data,
      });
      toast('Round opened; residents can propose projects now.', 'success');
      form.reset();
      await reload();
    } catch (err) {
      showErrors(form, err);
    }
  });
  // The server names the amount field in pence; the form asks in pounds.
  form.querySelector('[data-field="amountPounds"]')?.setAttribute('data-field', 'amountPence');
  return form;
}

export function budgetsSection(ctx: ConsoleContext): Section {
  const rounds = h('div', {}, h('p', { role: 'status' }, 'Loading rounds…'));
  const load = () =>
    loadOrExplain(
      rounds,
      async () => {
        const list = await call(budgetsContracts.listBudgetRounds, {
          params: { slug: ctx.area.slug },
        });
        return Promise.all(
          list.items.map((r) =>
            call(budgetsContracts.getBudgetRound, { params: { roundId: r.id } }),
          ),
        );
      },
      (views) =>
        replaceChildren(
          rounds,
          views.length
            ? views.map((v) => budgetRoundCard(v, load))
            : h('p', { class: 'empty-state' }, 'No rounds yet.'),
        ),
    );
  void load();
  return {
    el: h('section', {}, h('h1', {}, 'Participatory budgets'), rounds, openForm(ctx, load)),
  };
}
