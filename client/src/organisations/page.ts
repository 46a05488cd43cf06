/**
 * The community pages: organisations and pitches of the area (/pitches), one pitch
 * (/pitches/<id>), one organisation (/organisations/<id>) and the pitch form for members
 * (/pitches/new, /pitches/<id>/edit). Plain pages with headings and links, so they read
 * well with a screen reader and need no map.
 */
import { loadMe, pickArea } from '../app/bootstrap';
import { h } from '../ui/dom';
import { communityListsView } from './lists';
import { organisationView } from './organisation-page';
import { pitchFormView } from './pitch-form';
import { pitchView } from './pitch-page';
import './pitches.css';

const ID = '([0-9a-f-]{36})';

export async function startCommunityPages(root: HTMLElement): Promise<void> {
  const [me, area] = await loadMe().then(async (m) => [m, await pickArea(m)] as const);
  const main = h('main', { id: 'main', class: 'community-page', tabindex: -1 });
  root.replaceChildren(
    h(
      'header',
      { class: 'site-header' },
      h('a', { class: 'brand', href: '/' }, 'GovCraft'),
      h(
        'nav',
        { class: 'account', 'aria-label': 'Community', style: 'margin-left:auto' },
        h('a', { href: '/pitches' }, 'Pitches'),
        h('a', { href: '/' }, 'Map'),
      ),
    ),
    main,
  );
  if (!area) {
    main.append(h('p', { class: 'empty-state' }, 'There is no area here yet.'));
    return;
  }
  const path = location.pathname.replace(/\/$/, '');
  const pitch = new RegExp(`^/pitches/${ID}$`).exec(path);
  const edit = new RegExp(`^/pitches/${ID}/edit$`).exec(path);
  const org = new RegExp(`^/organisations/${ID}$`).exec(path);
  const ctx = { me, area };
  if (pitch) await pitchView(main, ctx, pitch[1]!);
  else if (edit) await pitchFormView(main, ctx, edit[1]!);
  else if (path === '/pitches/new') await pitchFormView(main, ctx, null);
  else if (org) await organisationView(main, ctx, org[1]!);
  else await communityListsView(main, ctx);
}
