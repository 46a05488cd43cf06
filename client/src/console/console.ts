/** The officer console at /console: left navigation, one section at a time. */
import { accountsContracts } from '@govcraft/shared';
import { loadMe, pickArea } from '../app/bootstrap';
import { redirectToSignIn } from '../auth/sign-in';
import { connectRealtime } from '../net/socket';
import type { ConsoleContext, Section } from './types';
import { call } from '../net/call';
import { h, replaceChildren } from '../ui/dom';
import { budgetsSection } from './budgets';
import { dashboardSection } from './dashboard';
import { integrationsSection } from './integrations';
import { postQuestSection } from './post-quest';
import { moderationSection } from './moderation';
import { proposalsSection } from './proposals';
import { pitchesSection } from './pitches';
import { questsTableSection } from './quests-table';
import { reviewSection } from './review';

const SECTIONS: { path: string; label: string; build: (c: ConsoleContext) => Section }[] = [
  { path: '/console', label: 'Post a quest', build: postQuestSection },
  { path: '/console/quests', label: 'Quests', build: questsTableSection },
  { path: '/console/proposals', label: 'Proposals', build: proposalsSection },
  { path: '/console/budgets', label: 'Budgets', build: budgetsSection },
  { path: '/console/pitches', label: 'Pitches', build: pitchesSection },
  { path: '/console/review', label: 'Review queue', build: reviewSection },
  { path: '/console/moderation', label: 'Moderation', build: moderationSection },
  { path: '/console/dashboard', label: 'Dashboard', build: dashboardSection },
  { path: '/console/integrations', label: 'Integrations', build: integrationsSection },
];

const OFFICER_ROLES = ['officer', 'admin'];

export async function startConsole(root: HTMLElement): Promise<void> {
  const me = await loadMe();
  if (!me) {
    redirectToSignIn();
    return;
  }
  const area = me.isPlatformAdmin ? await pickArea(me) : await pickArea(me, OFFICER_ROLES);
  const role = me.memberships.find((m) => m.slug === area?.slug)?.role;
  if (!area || !(me.isPlatformAdmin || (role && OFFICER_ROLES.includes(role)))) {
    root.replaceChildren(
      h('header', { class: 'site-header' }, h('a', { class: 'brand', href: '/' }, 'GovCraft')),
      h(
        'main',
        { id: 'main', class: 'auth-page' },
        h('h1', {}, 'Officers only'),
        h(
          'p',
          {},
          'The console is for council officers. Your account is not an officer in any area. If you should be, ask your area admin for an invite.',
        ),
        h('p', {}, h('a', { href: '/' }, 'Back to the map')),
      ),
    );
    return;
  }
  const realtime = connectRealtime();
  realtime.onConnect(() => {
    void realtime.send('area:join', { slug: area.slug });
    void realtime.send('officers:join', { slug: area.slug });
  });

  const nav = h('nav', { class: 'console-nav', 'aria-label': 'Console' });
  const main = h('main', { id: 'main', class: 'console-main', tabindex: -1 });
  const logout = h('button', { type: 'button', class: 'link-button' }, 'Sign out');
  logout.addEventListener(
    'click',
    () => void call(accountsContracts.logout).finally(() => location.assign('/')),
  );
  root.replaceChildren(
    h(
      'header',
      { class: 'site-header' },
      h(
        'a',
        { class: 'brand', href: '/console' },
        'GovCraft',
        h('span', { class: 'area-name' }, ` · ${area.name} console`),
      ),
      h(
        'nav',
        { class: 'account', 'aria-label': 'Account', style: 'margin-left:auto' },
        h('a', { href: '/' }, 'Resident map'),
        logout,
      ),
    ),
    h('div', { class: 'console' }, nav, main),
  );

  let current: Section | null = null;
  const ctx: ConsoleContext = { area, me, realtime, navigate };
  const areaName = area.name;

  function render() {
    const path = location.pathname.replace(/\/$/, '') || '/console';
    const section = SECTIONS.find((s) => s.path === path) ?? SECTIONS[0]!;
    replaceChildren(
      nav,
      h(
        'ul',
        {},
        SECTIONS.map((s) => {
          const a = h(
            'a',
            { href: s.path, 'aria-current': s === section ? 'page' : null },
            s.label,
          );
          a.addEventListener('click', (e) => {
            e.preventDefault();
            navigate(s.path);
          });
          return h('li', {}, a);
        }),
      ),
    );
    current?.destroy?.();
    current = section.build(ctx);
    replaceChildren(main, current.el);
    document.title = `${section.label} – ${areaName} console – GovCraft`;
  }

  function navigate(path: string) {
    history.pushState(null, '', path);
    render();
    main.focus();
  }
  window.addEventListener('popstate', render);
  render();
}
