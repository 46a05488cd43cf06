/** Residents' proposals: approve (publish or keep as draft) or reject with a reason. */
import { questsContracts, type Quest } from '@govcraft/shared';
import { proposalComments } from '../comments/proposal-comments';
import { call } from '../net/call';
import { h, replaceChildren } from '../ui/dom';
import { clearErrors, formProblems, loadOrExplain, showErrors } from '../ui/errors';
import { dateTimeText } from '../ui/format';
import { superpowerTag } from '../ui/icons';
import { toast } from '../ui/toast';
import type { ConsoleContext, Section } from './types';

export function proposalsSection(ctx: ConsoleContext): Section {
  const body = h('div', {}, h('p', { role: 'status' }, 'Loading proposals…'));

  function card(q: Quest): HTMLElement {
    const reasonId = `reason-${q.id}`;
    const form = h(
      'form',
      { novalidate: true, class: 'proposal', 'aria-labelledby': `p-${q.id}` },
      h('h2', { id: `p-${q.id}` }, q.title),
      h('div', { class: 'sp-tags' }, q.superpowers.map(superpowerTag)),
      h(
        'p',
        { class: 'hint' },
        `${dateTimeText(q.startsAt)} – ${dateTimeText(q.endsAt)} · ${q.location.radiusM} m around ${q.location.lat.toFixed(5)}, ${q.location.lng.toFixed(5)}`,
      ),
      h('h3', {}, 'The problem'),
      h('p', { class: 'prose' }, q.problem),
      h('h3', {}, 'What done looks like'),
      h('p', { class: 'prose' }, q.desiredOutcome),
      h(
        'div',
        { class: 'form-group', 'data-field': 'reason' },
        h('label', { for: reasonId }, 'Reason (needed to reject; the resident sees it)'),
        h('textarea', { id: reasonId, name: 'reason', rows: 2 }),
      ),
      h(
        'div',
        { class: 'table-actions' },
        h(
          'button',
          { type: 'button', class: 'button', 'data-act': 'publish' },
          'Approve and publish',
        ),
        h(
          'button',
          { type: 'button', class: 'button secondary', 'data-act': 'draft' },
          'Approve as draft',
        ),
        h('button', { type: 'button', class: 'button warning', 'data-act': 'reject' }, 'Reject'),
      ),
    );
    form.addEventListener('click', async (e) => {
      const act = (e.target as HTMLElement).closest<HTMLElement>('[data-act]')?.dataset.act;
      if (!act) return;
      clearErrors(form);
      const reason = form.querySelector<HTMLTextAreaElement>('textarea')!.value.trim();
      const params = { questId: q.id };
      try {
        if (act === 'reject') {
          if (!reason)
            throw formProblems({
              path: 'reason',
              message: 'say why, so the resident can improve it',
            });
          await call(questsContracts.rejectProposal, { params, body: { reason } });
        } else
          await call(questsContracts.approveProposal, {
            params,
            body: { publish: act === 'publish' },
          });
        toast(act === 'reject' ? 'Proposal rejected.' : 'Proposal approved.', 'success');
        await load();
      } catch (err) {
        showErrors(form, err);
      }
    });
    return h('div', {}, form, proposalComments(ctx, q));
  }

  const load = () =>
    loadOrExplain(
      body,
      () => call(questsContracts.listProposals, { params: { slug: ctx.area.slug } }),
      (r) =>
        replaceChildren(
          body,
          r.items.length
            ? r.items.map(card)
            : h(
                'p',
                { class: 'empty-state' },
                'No proposals waiting. Residents can propose quests from the map.',
              ),
        ),
    );
  void load();
  return { el: h('section', {}, h('h1', {}, 'Proposals from residents'), body) };
}
