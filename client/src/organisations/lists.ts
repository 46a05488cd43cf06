/** /pitches: the area's pitches (with money released and failure reasons) and organisations. */
import { organisationsContracts as api, type Organisation, type Pitch } from '@govcraft/shared';
import { call } from '../net/call';
import { h, meter, replaceChildren } from '../ui/dom';
import { loadOrExplain } from '../ui/errors';
import { dateTimeText } from '../ui/format';
import type { CommunityContext } from './context';
import { KIND_WORDS, STATUS_WORDS, penceText, releasedText } from './words';

export function pitchCard(p: Pitch): HTMLElement {
  const headingId = `pitch-${p.id}`;
  return h(
    'li',
    { class: 'pitch-card', 'aria-labelledby': headingId },
    h('h3', { id: headingId }, h('a', { href: `/pitches/${p.id}` }, p.title)),
    h(
      'p',
      { class: 'pitch-card__meta' },
      h('span', { class: `pitch-status pitch-status--${p.status}` }, STATUS_WORDS[p.status]),
      ` · ${p.organisationName} · asks ${penceText(p.budgetPence)} · deadline ${dateTimeText(p.deadline)}`,
    ),
    p.status === 'approved' || p.status === 'completed' || p.status === 'failed'
      ? [
          meter(releasedText(p), p.releasedPence, p.budgetPence),
          h('p', { class: 'hint' }, releasedText(p)),
        ]
      : null,
    p.failureReason ? h('p', { class: 'pitch-reason' }, p.failureReason) : null,
    p.declineReason ? h('p', { class: 'pitch-reason' }, `Declined: ${p.declineReason}`) : null,
  );
}

function organisationItem(o: Organisation): HTMLElement {
  return h(
    'li',
    {},
    h('a', { href: `/organisations/${o.id}` }, o.name),
    ` – ${KIND_WORDS[o.kind]}, ${o.members.length} member${o.members.length === 1 ? '' : 's'}`,
    o.status === 'verified'
      ? [' ', h('span', { class: 'badge' }, 'Verified')]
      : ' (awaiting verification)',
  );
}

export async function communityListsView(main: HTMLElement, ctx: CommunityContext) {
  document.title = `Community pitches – ${ctx.area.name} – GovCraft`;
  const pitches = h('div', {}, h('p', { role: 'status' }, 'Loading pitches…'));
  const orgs = h('div', {}, h('p', { role: 'status' }, 'Loading organisations…'));
  replaceChildren(
    main,
    h('h1', {}, `Community pitches in ${ctx.area.name}`),
    h(
      'p',
      {},
      'Local groups pitch to run a quest or a service with a budget and an outcome they will evidence. Money is released milestone by milestone, against evidence an officer has checked.',
    ),
    ctx.me
      ? h(
          'p',
          {},
          h(
            'a',
            { class: 'button', href: '/pitches/new' },
            'Start or join an organisation, or pitch',
          ),
        )
      : null,
    h('h2', {}, 'Pitches'),
    pitches,
    h('h2', {}, 'Organisations'),
    orgs,
  );
  const slug = ctx.area.slug;
  await Promise.all([
    loadOrExplain(
      pitches,
      () => call(api.listPitches, { params: { slug }, query: {} }),
      (r) =>
        replaceChildren(
          pitches,
          r.items.length
            ? h('ul', { class: 'pitch-list' }, r.items.map(pitchCard))
            : h('p', { class: 'empty-state' }, 'No pitches yet.'),
        ),
    ),
    loadOrExplain(
      orgs,
      () => call(api.listOrganisations, { params: { slug } }),
      (r) =>
        replaceChildren(
          orgs,
          r.items.length
            ? h('ul', { class: 'org-list' }, r.items.map(organisationItem))
            : h('p', { class: 'empty-state' }, 'No organisations yet.'),
        ),
    ),
  ]);
}
