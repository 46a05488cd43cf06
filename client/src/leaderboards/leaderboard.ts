/**
 * Live leaderboard: Residents/Teams × This week/All time. Your own row stays pinned,
 * rows slide when ranks change, and updates older than the one shown are ignored.
 */
import {
  leaderboardsContracts,
  type LeaderboardEntry,
  type LeaderboardPeriod,
  type LeaderboardScope,
} from '@govcraft/shared';
import type { AppContext, View } from '../app/context';
import { signInPrompt } from '../auth/sign-in';
import { call } from '../net/call';
import type { LeaderboardResponse as LeaderboardReply } from '@govcraft/shared';
import { h, prefersReducedMotion, replaceChildren } from '../ui/dom';
import { errorMessage } from '../ui/errors';
import { dateTimeText, numberText, ordinal } from '../ui/format';

const SCOPES: [LeaderboardScope, string][] = [
  ['users', 'Residents'],
  ['teams', 'Teams'],
];
const PERIODS: [LeaderboardPeriod, string][] = [
  ['week', 'This week'],
  ['all', 'All time'],
];

/** Pure: should an incoming update replace what is shown? */
/** The top ten of one board, with your own row. */
function fetchBoard(
  slug: string,
  scope: LeaderboardScope,
  period: LeaderboardPeriod,
): Promise<LeaderboardReply> {
  return call(leaderboardsContracts.getLeaderboard, {
    params: { slug },
    query: { scope, period, limit: 10 },
  });
}

export function isNewer(shown: number | null, incoming: number): boolean {
  return shown === null || incoming > shown;
}

export function leaderboardView(ctx: AppContext): View {
  let scope: LeaderboardScope = 'users';
  let period: LeaderboardPeriod = 'week';
  let board: LeaderboardReply | null = null;
  let refetchTimer = 0;
  const list = h('ol', { class: 'board', 'aria-label': 'Leaderboard' });
  const pinned = h('div', { class: 'board-me' });
  const note = h('p', { class: 'hint' });
  const live = h('p', { class: 'visually-hidden', 'aria-live': 'polite' });

  const tab = (label: string, pressed: boolean, set: () => void) => {
    const b = h('button', { type: 'button', class: 'seg', 'aria-pressed': String(pressed) }, label);
    b.addEventListener('click', () => {
      set();
      void load();
    });
    return b;
  };
  const scopeTabs = h('div', { class: 'segmented', role: 'group', 'aria-label': 'Who' });
  const periodTabs = h('div', { class: 'segmented', role: 'group', 'aria-label': 'When' });
  function renderTabs() {
    replaceChildren(
      scopeTabs,
      SCOPES.map(([s, label]) => tab(label, scope === s, () => (scope = s))),
    );
    replaceChildren(
      periodTabs,
      PERIODS.map(([p, label]) => tab(label, period === p, () => (period = p))),
    );
  }

  function myId(): string | null {
    return scope === 'users'
      ? (ctx.store.state.me?.id ?? null)
      : (ctx.store.state.team?.id ?? null);
  }

  function row(e: LeaderboardEntry, mine: boolean) {
    return h(
      'li',
      {
        class: `board-row${mine ? ' me' : ''}`,
        'data-id': e.id,
        'aria-current': mine ? 'true' : null,
      },
      h('span', { class: 'rank' }, ordinal(e.rank)),
      h('span', { class: 'name' }, e.name, mine ? h('span', { class: 'you' }, ' (you)') : null),
      h('span', { class: 'xp' }, `${numberText(e.xp)} XP`),
    );
  }

  /** FLIP: rows start where they were and slide to their new place. */
  function render() {
    if (!board) return;
    const before = new Map<string, number>();
    for (const li of list.querySelectorAll<HTMLElement>('.board-row'))
      before.set(li.dataset.id!, li.getBoundingClientRect().top);
    const id = myId();
    if (board.top.length === 0) {
      replaceChildren(
        list,
        h(
          'li',
          { class: 'empty-state' },
          period === 'week'
            ? 'No XP yet this week. Complete a quest to take the top spot!'
            : 'No XP yet. Be the first on the board!',
        ),
      );
    } else {
      replaceChildren(
        list,
        board.top.map((e) => row(e, e.id === id)),
      );
    }
    if (!prefersReducedMotion()) {
      for (const li of list.querySelectorAll<HTMLElement>('.board-row')) {
        const was = before.get(li.dataset.id!);
        if (was === undefined) continue;
        const delta = was - li.getBoundingClientRect().top;
        if (Math.abs(delta) > 1)
          li.animate([{ transform: `translateY(${delta}px)` }, { transform: 'none' }], {
            duration: 450,
            easing: 'ease-out',
          });
      }
    }
    const inTop = id ? board.top.some((e) => e.id === id) : false;
    const me = board.me;
    if (me && !inTop) {
      const around = me.neighbours.length ? me.neighbours : [];
      replaceChildren(
        pinned,
        h('p', { class: 'hint' }, 'Your place'),
        h(
          'ol',
          { class: 'board pinned' },
          around.length
            ? around.map((e) => row(e, e.id === id))
            : row({ rank: me.rank, id: id ?? 'me', name: 'You', xp: me.xp }, true),
        ),
      );
    } else if (!ctx.store.state.me) {
      replaceChildren(pinned, signInPrompt({ reason: 'to see your place.', className: 'hint' }));
    } else if (scope === 'teams' && !ctx.store.state.team) {
      replaceChildren(pinned, h('p', { class: 'hint' }, 'Join or start a team to race together.'));
    } else if (!me) {
      replaceChildren(
        pinned,
        h(
          'p',
          { class: 'hint' },
          `${scope === 'teams' ? 'Your team is' : "You're"} not on this board yet. Finish a quest to get on it!`,
        ),
      );
    } else replaceChildren(pinned);
    note.textContent =
      period === 'week' ? `This week's board resets ${dateTimeText(board.weekResetsAt)}.` : '';
    list.dataset.version = String(board.version);
  }

  async function load() {
    renderTabs();
    const want = { scope, period };
    replaceChildren(list, h('li', { role: 'status' }, 'Loading…'));
    try {
      const b = await fetchBoard(ctx.slug, scope, period);
      if (want.scope !== scope || want.period !== period) return;
      board = b;
      render();
      if (scope === 'users') ctx.store.set('rank', { rank: b.me?.rank ?? null, period });
      void ctx.realtime.send('leaderboard:subscribe', { slug: ctx.slug, scope, period });
    } catch (err) {
      replaceChildren(list, h('li', { class: 'empty-state' }, errorMessage(err)));
    }
  }

  const off = ctx.realtime.on('leaderboard:update', (e) => {
    if (!board || e.scope !== scope || e.period !== period || e.areaId !== ctx.store.state.area?.id)
      return;
    if (!isNewer(board.version, e.version)) return;
    board = { ...board, version: e.version, top: e.top };
    const id = myId();
    const mine = id ? e.top.find((t) => t.id === id) : undefined;
    if (mine && board.me) board.me = { ...board.me, rank: mine.rank, xp: mine.xp };
    render();
    live.textContent = 'The leaderboard changed.';
    // Your own rank outside the top list is only in the HTTP reply; refresh it calmly.
    clearTimeout(refetchTimer);
    refetchTimer = window.setTimeout(
      () =>
        void fetchBoard(ctx.slug, scope, period).then(
          (b) => {
            if (b.scope === scope && b.period === period && b.version >= (board?.version ?? 0)) {
              board = b;
              render();
            }
          },
          () => undefined,
        ),
      1500,
    );
  });
  const offConnect = ctx.realtime.onConnect(
    () => void ctx.realtime.send('leaderboard:subscribe', { slug: ctx.slug, scope, period }),
  );

  void load();
  const el = h(
    'section',
    { class: 'panel-section', 'aria-labelledby': 'board-heading' },
    h('h2', { id: 'board-heading' }, 'Leaderboard'),
    scopeTabs,
    periodTabs,
    list,
    pinned,
    note,
    live,
  );
  return {
    el,
    destroy: () => {
      off();
      offConnect();
      clearTimeout(refetchTimer);
    },
  };
}
