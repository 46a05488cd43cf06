/**
 * The partner's page for its staff: confirm a resident's one-time code and see the
 * partner's own redemptions (nothing about the residents).
 */
import { creditsContracts, type Partner, type PartnerRedemption } from '@govcraft/shared';
import { call } from '../net/call';
import { h, replaceChildren } from '../ui/dom';
import { showErrors } from '../ui/errors';
import { dateTimeText } from '../ui/format';

function redemptionsTable(items: PartnerRedemption[]): HTMLElement {
  if (items.length === 0) return h('p', { class: 'hint' }, 'No codes yet.');
  return h(
    'table',
    { class: 'data-table' },
    h('caption', {}, 'Codes given for your offers, newest first'),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ['Offer', 'Credits', 'Given', 'Confirmed'].map((c) => h('th', { scope: 'col' }, c)),
      ),
    ),
    h(
      'tbody',
      {},
      items.map((r) =>
        h(
          'tr',
          {},
          h('td', {}, r.offerTitle),
          h('td', {}, String(r.cost)),
          h('td', {}, dateTimeText(r.createdAt)),
          h('td', {}, r.confirmedAt ? dateTimeText(r.confirmedAt) : 'Not yet'),
        ),
      ),
    ),
  );
}

function partnerSection(partner: Partner): HTMLElement {
  const id = `partner-${partner.id}`;
  const list = h('div', {});
  const status = h('p', { role: 'status', 'aria-live': 'polite' });
  const refresh = () =>
    call(creditsContracts.listPartnerRedemptions, { params: { partnerId: partner.id } }).then(
      (r) => replaceChildren(list, redemptionsTable(r.items)),
      () => replaceChildren(list, h('p', { class: 'hint' }, 'Could not load the redemptions.')),
    );
  const form = h(
    'form',
    { class: 'confirm-code', novalidate: true },
    h(
      'div',
      { class: 'form-group', 'data-field': 'code' },
      h('label', { for: `${id}-code` }, 'Code the resident shows you'),
      h('input', {
        id: `${id}-code`,
        name: 'code',
        autocomplete: 'off',
        autocapitalize: 'characters',
        spellcheck: 'false',
        inputmode: 'text',
      }),
    ),
    h('button', { type: 'submit', class: 'button' }, 'Confirm code'),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const input = form.querySelector('input')!;
    call(creditsContracts.confirmRedemption, {
      params: { partnerId: partner.id },
      body: { code: input.value },
    }).then(
      (r) => {
        status.textContent = `Confirmed: ${r.offerTitle} (${r.cost} credits).`;
        input.value = '';
        void refresh();
      },
      (err) => showErrors(form, err),
    );
  });
  void refresh();
  return h(
    'section',
    { class: 'partner-page', 'aria-labelledby': id },
    h('h3', { id }, `${partner.name}: partner page`),
    form,
    status,
    h('h4', {}, 'Redemptions'),
    list,
  );
}

/** A section per partner the signed-in account acts for; none for everyone else. */
export async function partnerSections(): Promise<HTMLElement[]> {
  const mine = await call(creditsContracts.listMyPartners, {});
  return mine.items.map(partnerSection);
}
