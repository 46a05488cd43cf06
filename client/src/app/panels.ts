/**
 * The panel column: one tab per resident feature, the quest sheet and the proposal form
 * in the List tab. On phones the column is a bottom sheet that a second tap on the open
 * tab closes.
 */
import { creditsView } from '../credits/credits-panel';
import { leaderboardView } from '../leaderboards/leaderboard';
import { profileView } from '../profile/profile';
import { proposeView } from '../quests/propose';
import { questListView } from '../quests/quest-list';
import { questSheetView } from '../quests/quest-sheet';
import { storylineView } from '../storylines/storyline';
import { teamView } from '../teams/team';
import { h, replaceChildren } from '../ui/dom';
import type { AppContext, TabId, View } from './context';

/**
 * "Me": your profile, then your time credits and the partners' offers. Credits live here, not
 * in a tab of their own, because the tab strip is full on a 320 px phone.
 */
function meView(ctx: AppContext): View {
  const parts = [profileView(ctx), creditsView(ctx)];
  return {
    el: h(
      'div',
      { class: 'me-panel' },
      parts.map((p) => p.el),
    ),
    destroy: () => parts.forEach((p) => p.destroy?.()),
  };
}

const TABS: { id: TabId; label: string; view: (ctx: AppContext) => View }[] = [
  { id: 'list', label: 'List', view: questListView },
  { id: 'leaderboard', label: 'Leaderboard', view: leaderboardView },
  { id: 'story', label: 'Story', view: storylineView },
  { id: 'team', label: 'Team', view: teamView },
  { id: 'profile', label: 'Me', view: meView },
];

export interface Panels {
  showTab(tab: TabId): void;
  openQuest(questId: string): void;
  openPropose(): void;
  closePanel(): void;
}

export const isPhone = () => window.matchMedia('(max-width: 799px)').matches;

/** The panels in `panel`; `ctx()` is read when a view is built, after the app is wired. */
export function createPanels(
  els: { tabList: HTMLElement; panelBody: HTMLElement; panel: HTMLElement },
  ctx: () => AppContext,
): Panels {
  const { tabList, panelBody, panel } = els;
  let view: View | null = null;
  let activeTab: TabId = 'list';

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

  function closePanel() {
    panel.dataset.open = 'false';
    renderTabs();
  }

  function openOn(tab: TabId) {
    activeTab = tab;
    panel.dataset.open = 'true';
    renderTabs();
  }

  function showTab(tab: TabId) {
    openOn(tab);
    const entry = TABS.find((t) => t.id === tab);
    if (entry) setView(entry.view(ctx()));
  }

  /** Back from a sheet or form to the List, with focus on what was opened from it. */
  function backToList(focusSelector: string) {
    showTab('list');
    panelBody.querySelector<HTMLElement>(focusSelector)?.focus();
  }

  function openQuest(questId: string) {
    openOn('list');
    setView(
      questSheetView(ctx(), questId, () => backToList(`[data-quest-id="${CSS.escape(questId)}"]`)),
    );
    const q = ctx().store.state.quests.get(questId);
    if (q) ctx().map()?.focus(q.location);
  }

  function openPropose() {
    openOn('list');
    setView(proposeView(ctx(), () => backToList('.propose-button')));
  }

  return { showTab, openQuest, openPropose, closePanel };
}
