import type { MapController } from '../map/bridge';
import type { Realtime } from '../net/socket';
import type { Store } from './state';

/** A panel's root element and what to undo when it is replaced. */
export interface View {
  el: HTMLElement;
  destroy?(): void;
}

export type TabId = 'list' | 'leaderboard' | 'story' | 'team' | 'profile';

/** What panels may use from the resident app. */
export interface AppContext {
  store: Store;
  realtime: Realtime;
  slug: string;
  map(): MapController | null;
  openQuest(questId: string): void;
  /** The "Propose a quest" form, in the List panel. */
  openPropose(): void;
  showTab(tab: TabId): void;
  /** The HUD element XP flies to. */
  xpTarget(): HTMLElement | null;
  refreshMe(): Promise<void>;
}
