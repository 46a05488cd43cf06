/** The header's HUD (level, XP, team, weekly rank) and account links, kept in step with the store. */
import { accountsContracts, levelForXp } from '@govcraft/shared';
import { REGISTER_PATH, signInPath } from '../auth/sign-in';
import { call } from '../net/call';
import { h, meter, replaceChildren } from '../ui/dom';
import type { Store } from './state';

export function showHud(store: Store, hud: HTMLElement, account: HTMLElement): void {
  function render() {
    const m = store.state.me;
    if (!m) {
      replaceChildren(hud);
      replaceChildren(
        account,
        h('a', { href: signInPath() }, 'Sign in'),
        h('a', { href: REGISTER_PATH }, 'Register'),
      );
      return;
    }
    const lv = levelForXp(m.progress.totalXp);
    const rank = store.state.rank?.rank;
    replaceChildren(
      hud,
      h('span', { class: 'level-badge', 'aria-label': `Level ${lv.level}` }, `Lv ${lv.level}`),
      h(
        'span',
        { class: 'hud-xp' },
        meter(
          `${m.progress.totalXp} XP, ${lv.nextLevelXp - lv.xp} to the next level`,
          lv.xp - lv.levelStartXp,
          lv.nextLevelXp - lv.levelStartXp,
          'meter--hud',
        ),
        h('span', { class: 'hud-xp-text' }, `${m.progress.totalXp} XP`),
      ),
      store.state.team ? h('span', { class: 'hud-team' }, store.state.team.name) : null,
      rank
        ? h(
            'span',
            { class: 'hud-rank' },
            `#${rank}`,
            // Phones drop the words, never the rank (styles.css).
            h('span', { class: 'hud-rank-words' }, ' this week'),
          )
        : null,
    );
    const officer =
      m.isPlatformAdmin || m.memberships.some((x) => x.role === 'officer' || x.role === 'admin');
    const logout = h('button', { type: 'button', class: 'link-button' }, 'Sign out');
    logout.addEventListener(
      'click',
      () => void call(accountsContracts.logout).finally(() => location.assign('/')),
    );
    replaceChildren(account, officer ? h('a', { href: '/console' }, 'Console') : null, logout);
  }
  store.on(['me', 'team', 'rank'], render);
  render();
}
