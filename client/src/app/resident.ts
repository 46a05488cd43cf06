/**
 * The resident app: HUD, map, and the panel column (a bottom sheet on phones). The panels
 * are usable straight away; Phaser arrives in its own chunk and draws the map when ready.
 */
import { levelForXp, type Quest } from '@govcraft/shared';
import { loadMap, type MapController } from '../map/bridge';
import { toMarker } from '../map/markers';
import { quests as questsApi, auth, teams as teamsApi } from '../net/endpoints';
import { connectRealtime } from '../net/socket';
import { h, meter, prefersReducedMotion, replaceChildren } from '../ui/dom';
import { errorMessage } from '../ui/errors';
import { leaderboardView } from '../ui/leaderboard';
import { profileView } from '../ui/profile';
import { proposeView } from '../ui/propose';
import { questListView } from '../ui/quest-list';
import { isOnMap } from '../ui/quest-filter';
import { questSheetView } from '../ui/quest-sheet';
import { storylineView } from '../ui/storyline';
import { teamView } from '../ui/team';
import { celebrateXp, toast } from '../ui/toast';
import { loadMe, pickArea } from './bootstrap';
import type { AppContext, TabId, View } from './context';
import { Store } from './state';

const TABS: { id: TabId; label: string }[] = [
  { id: 'list', label: 'List' },
  { id: 'leaderboard', label: 'Leaderboard' },
  { id: 'story', label: 'Story' },
  { id: 'team', label: 'Team' },
  { id: 'profile', label: 'Me' },
];

export async function startResidentApp(root: HTMLElement): Promise<void> {
  const store = new Store();
  const me = await loadMe();
  store.set('me', me);
  const area = await pickArea(me);
  if (!area) {
    root.replaceChildren(
      h(
        'main',
        { id: 'main', class: 'auth-page' },
        h('h1', {}, 'No areas yet'),
        h('p', {}, 'This GovCraft server has no council areas set up yet.'),
      ),
    );
    return;
  }
  store.set('area', area);
  document.title = `${area.name} – GovCraft`;
  const realtime = connectRealtime();
  let map: MapController | null = null;
  let view: View | null = null;
  let activeTab: TabId = 'list';

  // ---- layout ---------------------------------------------------------------
  const hud = h('div', { class: 'hud', role: 'group', 'aria-label': 'Your progress' });
  const account = h('nav', { class: 'account', 'aria-label': 'Account' });
  const offline = h(
    'div',
    { class: 'offline-banner', role: 'status', hidden: true },
    "You're offline. You can keep filling in forms; we'll send them when you're back.",
  );
  const mapBox = h('div', { class: 'map-canvas', id: 'map', 'data-map-ready': 'false' });
  const mapLoading = h(
    'p',
    { class: 'map-loading', role: 'status' },
    'Loading the map… The list already works.',
  );
  const zoomIn = h('button', { type: 'button', class: 'map-btn', 'aria-label': 'Zoom in' }, '+');
  const zoomOut = h('button', { type: 'button', class: 'map-btn', 'aria-label': 'Zoom out' }, '−');
  const findMe = h('button', { type: 'button', class: 'map-btn wide' }, 'Find me');
  zoomIn.addEventListener('click', () => map?.zoomBy(1.5));
  zoomOut.addEventListener('click', () => map?.zoomBy(1 / 1.5));
  findMe.addEventListener('click', () => watchPosition(true));
  const legend = h(
    'p',
    { class: 'visually-hidden' },
    `Map of ${area.name}. Every quest on the map is also in the List.`,
  );
  const mapPane = h(
    'section',
    { class: 'map-pane', 'aria-label': 'Map' },
    legend,
    mapBox,
    mapLoading,
    h('div', { class: 'map-controls' }, zoomIn, zoomOut, findMe),
  );

  const tabList = h('div', { class: 'panel-tabs', role: 'tablist', 'aria-label': 'Panels' });
  // Focusable so keyboard users can scroll a panel that has no links or buttons in it.
  const panelBody = h('div', {
    class: 'panel-body',
    role: 'tabpanel',
    id: 'panel-body',
    tabindex: 0,
  });
  const panel = h(
    'aside',
    { class: 'panel', 'data-open': 'false', 'aria-label': 'Quests and progress' },
    tabList,
    panelBody,
  );

  root.replaceChildren(
    h(
      'header',
      { class: 'site-header app-header' },
      h(
        'a',
        { class: 'brand', href: '/' },
        'GovCraft',
        h('span', { class: 'area-name' }, ` · ${area.name}`),
      ),
      hud,
      account,
    ),
    offline,
    h('main', { id: 'main', class: 'layout' }, mapPane, panel),
  );

  // ---- context for panels ---------------------------------------------------
  const ctx: AppContext = {
    store,
    realtime,
    slug: area.slug,
    map: () => map,
    openQuest,
    openPropose,
    showTab,
    xpTarget: () => hud.querySelector('.level-badge'),
    refreshMe: async () => {
      const fresh = await loadMe();
      store.set('me', fresh);
    },
  };

  function setView(next: View) {
    view?.destroy?.();
    view = next;
    replaceChildren(panelBody, next.el);
  }

  function renderTabs() {
    replaceChildren(
      tabList,
      TABS.map((t) => {
        const selected = t.id === activeTab && panel.dataset.open === 'true';
        const b = h(
          'button',
          {
            type: 'button',
            role: 'tab',
            id: `tab-${t.id}`,
            'aria-selected': String(selected),
            'aria-controls': 'panel-body',
            tabindex: selected || t.id === activeTab ? 0 : -1,
            class: 'tab',
          },
          t.label,
        );
        b.addEventListener('click', () => (selected && isPhone() ? closePanel() : showTab(t.id)));
        b.addEventListener('keydown', (e) => {
          const i = TABS.findIndex((x) => x.id === t.id);
          const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
          if (!step) return;
          const nextTab = TABS[(i + step + TABS.length) % TABS.length]!;
          showTab(nextTab.id);
          document.getElementById(`tab-${nextTab.id}`)?.focus();
        });
        return b;
      }),
    );
    panelBody.setAttribute('aria-labelledby', `tab-${activeTab}`);
  }

  const isPhone = () => window.matchMedia('(max-width: 799px)').matches;

  function closePanel() {
    panel.dataset.open = 'false';
    renderTabs();
  }

  function showTab(tab: TabId) {
    activeTab = tab;
    panel.dataset.open = 'true';
    renderTabs();
    if (tab === 'list') setView(questListView(ctx));
    if (tab === 'leaderboard') setView(leaderboardView(ctx));
    if (tab === 'story') setView(storylineView(ctx));
    if (tab === 'team') setView(teamView(ctx));
    if (tab === 'profile') setView(profileView(ctx));
  }

  function openQuest(questId: string) {
    activeTab = 'list';
    panel.dataset.open = 'true';
    renderTabs();
    setView(
      questSheetView(ctx, questId, () => {
        showTab('list');
        panelBody.querySelector<HTMLElement>(`[data-quest-id="${CSS.escape(questId)}"]`)?.focus();
      }),
    );
    const q = store.state.quests.get(questId);
    if (q) map?.focus(q.location);
  }

  function openPropose() {
    activeTab = 'list';
    panel.dataset.open = 'true';
    renderTabs();
    setView(
      proposeView(ctx, () => {
        showTab('list');
        panelBody.querySelector<HTMLElement>('.propose-button')?.focus();
      }),
    );
  }

  // ---- HUD and account --------------------------------------------------------
  function renderHud() {
    const m = store.state.me;
    if (!m) {
      replaceChildren(hud);
      replaceChildren(
        account,
        h('a', { href: '/login?next=/' }, 'Sign in'),
        h('a', { href: '/register' }, 'Register'),
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
      rank ? h('span', { class: 'hud-rank' }, `#${rank} this week`) : null,
    );
    const officer =
      m.isPlatformAdmin || m.memberships.some((x) => x.role === 'officer' || x.role === 'admin');
    const logout = h('button', { type: 'button', class: 'link-button' }, 'Sign out');
    logout.addEventListener('click', () => void auth.logout().finally(() => location.assign('/')));
    replaceChildren(account, officer ? h('a', { href: '/console' }, 'Console') : null, logout);
  }
  store.on(['me', 'team', 'rank'], renderHud);
  renderHud();

  // ---- data and live updates ----------------------------------------------------
  const syncMarkers = () =>
    map?.setMarkers([...store.state.quests.values()].filter(isOnMap).map(toMarker));
  store.on(['quests'], syncMarkers);
  store.on(['position'], () => map?.setUserPosition(store.state.position));

  function upsert(q: Quest) {
    if (q.areaId !== area!.id) return;
    store.state.quests.set(q.id, q);
    store.changed('quests');
  }
  realtime.on('quest:published', (e) => upsert(e.quest));
  realtime.on('quest:updated', (e) => upsert(e.quest));
  realtime.on('quest:closed', (e) => {
    if (store.state.quests.delete(e.questId)) store.changed('quests');
  });
  realtime.on('xp:awarded', (e) => {
    if (e.userId !== store.state.me?.id) return;
    celebrateXp(e.amount, ctx.xpTarget());
    store.state.mine.set(e.questId, 'completed');
    store.changed('mine');
    void ctx.refreshMe();
  });
  const joinTeamRoom = () => {
    const team = store.state.team;
    if (team) void realtime.send('team:join', { teamId: team.id });
  };
  store.on(['team'], joinTeamRoom);
  realtime.onConnect(() => {
    void realtime.send('area:join', { slug: area.slug });
    joinTeamRoom();
    // Reconnecting may have missed events: fetch the truth again.
    void loadQuests();
  });

  async function loadQuests() {
    try {
      const page = await questsApi.list(area!.slug);
      store.state.quests = new Map(page.items.map((q) => [q.id, q]));
      store.changed('quests');
    } catch (err) {
      console.warn('quests unavailable', errorMessage(err));
      store.changed('quests');
    }
  }

  async function loadMine() {
    if (!store.state.me) return;
    try {
      const r = await questsApi.mine();
      store.state.mine = new Map(r.items.map((m) => [m.quest.id, m.participation.status]));
      store.changed('mine');
    } catch {
      // Not critical: join buttons still work and will say if you already joined.
    }
  }

  async function loadTeam() {
    if (!store.state.me) return;
    try {
      store.set('team', (await teamsApi.mine(area!.slug)).team);
    } catch {
      // The Team tab retries and explains; the HUD simply shows no team.
    }
  }

  function setOnline(on: boolean) {
    store.set('online', on);
    offline.hidden = on;
  }
  window.addEventListener('online', () => setOnline(true));
  window.addEventListener('offline', () => setOnline(false));
  setOnline(navigator.onLine);

  let watching = false;
  function watchPosition(userAsked: boolean) {
    if (watching || !('geolocation' in navigator)) {
      if (userAsked && store.state.position) map?.focus(store.state.position);
      return;
    }
    watching = true;
    navigator.geolocation.watchPosition(
      (pos) => {
        const first = !store.state.position;
        store.set('position', {
          lat: pos.coords.latitude,
          lng: pos.coords.longitude,
          accuracyM: pos.coords.accuracy,
        });
        if (first && userAsked) map?.focus(store.state.position!);
      },
      () => {
        watching = false;
        if (userAsked)
          toast(
            'We could not get your location. Check that location is allowed for this site.',
            'error',
          );
      },
      { enableHighAccuracy: true, maximumAge: 30_000 },
    );
  }
  // Only start tracking without a tap if you already allowed it; never prompt on load.
  void navigator.permissions?.query({ name: 'geolocation' }).then(
    (p) => p.state === 'granted' && watchPosition(false),
    () => undefined,
  );

  showTab('list');
  if (isPhone()) closePanel();
  await Promise.all([loadQuests(), loadMine(), loadTeam()]);

  // The map last: panels are already usable while Phaser downloads.
  loadMap({
    container: mapBox,
    area,
    mapUrl: `/api/areas/${encodeURIComponent(area.slug)}/map`,
    reducedMotion: prefersReducedMotion(),
    callbacks: { onMarkerSelect: openQuest },
  }).then(
    (controller) => {
      map = controller;
      (window as unknown as { govcraftMap?: MapController }).govcraftMap = controller;
      mapLoading.remove();
      syncMarkers();
      map.setUserPosition(store.state.position);
    },
    (err: unknown) => {
      console.error('map failed', err);
      mapLoading.textContent = "The map couldn't load. Use the List to see every quest.";
    },
  );
}
