/**
 * A link to the community budget for the resident app, shown only while a round of the
 * area takes proposals or votes; empty (and silent) otherwise.
 */
import { budgetsContracts } from '@govcraft/shared';
import { call } from '../net/call';
import { h, replaceChildren } from '../ui/dom';
import './budgets.css';

export function budgetBanner(slug: string): HTMLElement {
  const el = h('p', { class: 'budget-cta' });
  void call(budgetsContracts.listBudgetRounds, { params: { slug } }).then(
    ({ items }) => {
      const voting = items.find((r) => r.phase === 'voting');
      const proposing = items.find((r) => r.phase === 'proposals');
      const round = voting ?? proposing;
      if (!round) return;
      const words = voting
        ? `${round.title}: voting is open. Fill your ballot`
        : `${round.title}: propose a project`;
      replaceChildren(el, h('a', { href: `/budget?area=${encodeURIComponent(slug)}` }, words));
    },
    // The budget is an extra; the quest list works without it.
    () => undefined,
  );
  return el;
}
