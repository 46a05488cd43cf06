/** /organisations/<id>: an organisation, its members and its pitches. */
import { organisationsContracts as api } from '@govcraft/shared';
import { call } from '../net/call';
import { h, replaceChildren } from '../ui/dom';
import { loadOrExplain } from '../ui/errors';
import type { CommunityContext } from './context';
import { pitchCard } from './lists';
import { KIND_WORDS } from './words';

export async function organisationView(main: HTMLElement, ctx: CommunityContext, id: string) {
  await loadOrExplain(
    main,
    async () => {
      const org = await call(api.getOrganisation, { params: { organisationId: id } });
      const pitches = await call(api.listPitches, { params: { slug: ctx.area.slug }, query: {} });
      return { org, pitches: pitches.items.filter((p) => p.organisationId === id) };
    },
    ({ org, pitches }) => {
      document.title = `${org.name} – GovCraft`;
      replaceChildren(
        main,
        h('p', {}, h('a', { href: '/pitches' }, '← All pitches and organisations')),
        h('h1', {}, org.name),
        h(
          'p',
          { class: 'hint' },
          `${KIND_WORDS[org.kind]} · `,
          org.status === 'verified'
            ? 'Verified by the council'
            : 'Awaiting verification by the council',
          org.contactVerified ? ' · contact confirmed' : ' · contact not yet confirmed',
        ),
        h('p', { class: 'prose' }, org.description),
        h('h2', {}, 'Members'),
        h(
          'ul',
          {},
          org.members.map((m) =>
            h(
              'li',
              {},
              m.displayName,
              m.role === 'lead' ? h('span', { class: 'badge' }, 'Lead') : null,
            ),
          ),
        ),
        org.inviteCode
          ? h(
              'p',
              {},
              'Invite code for new members: ',
              h('code', {}, org.inviteCode),
              ' (share it only with people who should join).',
            )
          : null,
        h('h2', {}, 'Pitches'),
        pitches.length
          ? h('ul', { class: 'pitch-list' }, pitches.map(pitchCard))
          : h('p', { class: 'empty-state' }, 'No pitches past draft yet.'),
      );
    },
  );
}
