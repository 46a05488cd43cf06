/**
 * The Credits tab: your time-credit balance, what you earned and spent, partners' offers
 * to spend credits on, and codes not yet used. Staff of a partner also get the partner's
 * page (confirm a code, see its redemptions) below.
 */
import {
  creditsContracts,
  type CreditBalance,
  type Offer,
  type RedemptionCode,
} from '@govcraft/shared';
import type { AppContext, View } from '../app/context';
import { signInPrompt } from '../auth/sign-in';
import { call } from '../net/call';
import { h, replaceChildren } from '../ui/dom';
import { errorMessage } from '../ui/errors';
import { dateTimeText } from '../ui/format';
import { partnerSections } from './partner';

const KIND_WORDS = {
  issued: 'Earned',
  redeemed: 'Spent',
  expired: 'Expired',
  reversed: 'Taken back',
};

const creditsText = (n: number) => `${n} ${Math.abs(n) === 1 ? 'credit' : 'credits'}`;

function offerCard(offer: Offer, balance: number | null, redeem: (o: Offer) => void) {
  const soldOut = offer.remaining === 0;
  const short = balance !== null && balance < offer.cost;
  const limits = [
    offer.perResidentLimit ? `${offer.perResidentLimit} per resident` : null,
    offer.remaining !== null ? `${offer.remaining} left` : null,
  ].filter(Boolean);
  return h(
    'li',
    { class: 'offer-card' },
    h('h4', {}, offer.title),
    h('p', { class: 'hint' }, offer.partnerName),
    h('p', {}, offer.description),
    h(
      'p',
      {},
      h('strong', {}, creditsText(offer.cost)),
      limits.length ? ` · ${limits.join(' · ')}` : '',
    ),
    balance === null
      ? null
      : h(
          'button',
          {
            type: 'button',
            class: 'button',
            ...(soldOut || short ? { disabled: true } : {}),
            'aria-label': `Spend ${creditsText(offer.cost)} on ${offer.title} at ${offer.partnerName}`,
            onClick: () => redeem(offer),
          },
          soldOut ? 'None left' : short ? `Needs ${creditsText(offer.cost)}` : 'Get a code',
        ),
  );
}

function codeNotice(code: RedemptionCode): HTMLElement {
  return h(
    'div',
    { class: 'code-notice', tabindex: -1 },
    h('p', {}, `Show this code at ${code.partnerName} for ${code.offerTitle}:`),
    h('p', { class: 'redemption-code' }, h('strong', {}, code.code)),
    h('p', { class: 'hint' }, `It works once. Your balance is now ${creditsText(code.balance)}.`),
  );
}

function history(b: CreditBalance): HTMLElement {
  if (b.entries.length === 0)
    return h('p', { class: 'hint' }, 'Verified quests earn credits: one per hour of effort.');
  return h(
    'table',
    { class: 'data-table' },
    h('caption', {}, 'Your credits, newest first'),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ['When', 'What', 'Credits'].map((c) => h('th', { scope: 'col' }, c)),
      ),
    ),
    h(
      'tbody',
      {},
      b.entries.map((e) =>
        h(
          'tr',
          {},
          h('td', {}, dateTimeText(e.at)),
          h('td', {}, `${KIND_WORDS[e.kind]}: ${e.reason}`),
          h('td', {}, e.amount > 0 ? `+${e.amount}` : String(e.amount)),
        ),
      ),
    ),
  );
}

export function creditsView(ctx: AppContext): View {
  const el = h('section', { class: 'panel-section credits', 'aria-labelledby': 'credits-heading' });
  const announce = h('div', { role: 'status', 'aria-live': 'polite', class: 'code-slot' });
  const params = { slug: ctx.slug };

  async function render() {
    const me = ctx.store.state.me;
    const heading = h('h2', { id: 'credits-heading' }, 'Time credits');
    try {
      const [offers, balance] = await Promise.all([
        call(creditsContracts.listOffers, { params }),
        me ? call(creditsContracts.getMyCredits, { params }) : Promise.resolve(null),
      ]);
      const redeem = (offer: Offer) =>
        call(creditsContracts.redeemOffer, { params: { offerId: offer.id } }).then(
          async (code) => {
            await render();
            replaceChildren(announce, codeNotice(code));
            announce.querySelector<HTMLElement>('.code-notice')?.focus();
          },
          (err) => replaceChildren(announce, h('p', { class: 'field-error' }, errorMessage(err))),
        );
      replaceChildren(
        el,
        heading,
        balance
          ? h(
              'p',
              { class: 'credit-balance' },
              'Your balance: ',
              h('strong', {}, creditsText(balance.balance)),
            )
          : null,
        announce,
        balance?.openCodes.length
          ? h(
              'p',
              { class: 'hint' },
              `Codes not used yet: ${balance.openCodes.map((c) => `${c.offerTitle} (${c.partnerName})`).join(', ')}.`,
            )
          : null,
        h('h3', {}, 'Spend your credits'),
        offers.items.length
          ? h(
              'ul',
              { class: 'offer-list' },
              offers.items.map((o) => offerCard(o, balance?.balance ?? null, redeem)),
            )
          : h('p', { class: 'hint' }, 'No offers yet.'),
        balance ? [h('h3', {}, 'Earned and spent'), history(balance)] : null,
        me
          ? await partnerSections()
          : h(
              'p',
              {},
              signInPrompt({ reason: 'to earn credits for verified quests and spend them.' }),
            ),
      );
    } catch (err) {
      replaceChildren(el, heading, h('p', { class: 'empty-state' }, errorMessage(err)));
    }
  }
  void render();
  return { el };
}
