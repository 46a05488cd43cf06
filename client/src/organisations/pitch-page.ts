/**
 * /pitches/<id>: what was asked, the agreed outcome, each milestone with its amount and
 * what evidences it, the money released so far (from the ledger's sums) and, when it ended,
 * why. Members of a draft's organisation get its edit and submit buttons here.
 */
import { organisationsContracts as api, type MoneyLedger, type Pitch } from '@govcraft/shared';
import { call } from '../net/call';
import { h, meter, replaceChildren } from '../ui/dom';
import { errorMessage, loadOrExplain } from '../ui/errors';
import { dateTimeText } from '../ui/format';
import { toast } from '../ui/toast';
import type { CommunityContext } from './context';
import { STATUS_WORDS, penceText, releasedText } from './words';

const LEDGER_WORDS = {
  allocated: 'Allocated',
  released: 'Released',
  cancelled: 'Not released (cancelled)',
  reversed: 'Reversed',
};

function milestonesTable(p: Pitch): HTMLElement {
  return h(
    'table',
    { class: 'pitch-table' },
    h('caption', {}, 'Milestones'),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ['Milestone', 'Amount', 'Evidenced by', 'Paid'].map((t) => h('th', { scope: 'col' }, t)),
      ),
    ),
    h(
      'tbody',
      {},
      p.milestones.map((m) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, m.title),
          h('td', { 'data-label': 'Amount' }, penceText(m.amountPence)),
          h('td', { 'data-label': 'Evidenced by' }, m.evidencedBy),
          h(
            'td',
            { 'data-label': 'Paid' },
            m.releasedAt ? `Paid ${dateTimeText(m.releasedAt)} – ${m.evidence ?? ''}` : 'Not yet',
          ),
        ),
      ),
    ),
  );
}

function ledgerList(ledger: MoneyLedger): HTMLElement {
  if (!ledger.items.length) return h('p', { class: 'hint' }, 'No money has moved yet.');
  return h(
    'ul',
    { class: 'ledger-list' },
    ledger.items.map((r) =>
      h(
        'li',
        {},
        `${dateTimeText(r.at)}: ${LEDGER_WORDS[r.kind]} ${penceText(r.amountPence)}`,
        r.note ? ` – ${r.note}` : '',
      ),
    ),
  );
}

function memberActions(p: Pitch, reload: () => Promise<void>): HTMLElement | null {
  if (p.status !== 'draft') return null;
  const submit = h('button', { type: 'button', class: 'button' }, 'Send to the council');
  submit.addEventListener('click', async () => {
    try {
      await call(api.submitPitch, { params: { pitchId: p.id } });
      toast('Pitch sent. An officer will decide.', 'success');
      await reload();
    } catch (err) {
      toast(errorMessage(err), 'error');
    }
  });
  return h(
    'div',
    { class: 'table-actions' },
    h('a', { class: 'button secondary', href: `/pitches/${p.id}/edit` }, 'Edit the draft'),
    submit,
  );
}

export async function pitchView(main: HTMLElement, _ctx: CommunityContext, id: string) {
  const reload = () =>
    loadOrExplain(
      main,
      async () => {
        const params = { pitchId: id };
        return Promise.all([call(api.getPitch, { params }), call(api.getPitchLedger, { params })]);
      },
      ([p, ledger]) => {
        document.title = `${p.title} – pitch – GovCraft`;
        replaceChildren(
          main,
          h('p', {}, h('a', { href: '/pitches' }, '← All pitches')),
          h('h1', {}, p.title),
          h(
            'p',
            {},
            h('span', { class: `pitch-status pitch-status--${p.status}` }, STATUS_WORDS[p.status]),
            ' · by ',
            h('a', { href: `/organisations/${p.organisationId}` }, p.organisationName),
          ),
          p.changesRequested
            ? h(
                'div',
                { class: 'pitch-reason', role: 'note' },
                `Changes asked for: ${p.changesRequested}`,
              )
            : null,
          p.failureReason ? h('p', { class: 'pitch-reason' }, p.failureReason) : null,
          p.declineReason
            ? h('p', { class: 'pitch-reason' }, `Declined: ${p.declineReason}`)
            : null,
          h(
            'dl',
            { class: 'pitch-facts' },
            h('dt', {}, 'Budget asked'),
            h('dd', {}, penceText(p.budgetPence)),
            h('dt', {}, 'Released so far'),
            h('dd', {}, penceText(p.releasedPence)),
            h('dt', {}, 'Deadline'),
            h('dd', {}, dateTimeText(p.deadline)),
          ),
          p.allocatedPence > 0
            ? meter(releasedText(p), p.releasedPence, p.budgetPence, 'meter--big')
            : null,
          h('h2', {}, 'What they will do'),
          h('p', { class: 'prose' }, p.summary),
          h('h2', {}, 'The agreed outcome'),
          h('p', { class: 'prose' }, p.outcome),
          milestonesTable(p),
          p.questId
            ? h('p', {}, h('a', { href: `/?quest=${p.questId}` }, 'See the quest on the map'))
            : null,
          h('h2', {}, 'Money ledger'),
          ledgerList(ledger),
          memberActions(p, reload),
        );
      },
    );
  await reload();
}
