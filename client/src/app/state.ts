/** The resident app's shared state: a plain object plus change notification per key. */
import type { Area, MeResponse, Quest } from '@govcraft/shared';
import type { UserPosition } from '../map/bridge';
import type { Team as TeamView } from '@govcraft/shared';

import type { ParticipationStatus } from '@govcraft/shared';

export type { ParticipationStatus };

export interface AppState {
  me: MeResponse | null;
  area: Area | null;
  quests: Map<string, Quest>;
  /** questId → your participation, from GET /api/me/quests and your own joins. */
  mine: Map<string, ParticipationStatus>;
  position: UserPosition | null;
  team: TeamView | null;
  rank: { rank: number | null; period: 'week' | 'all' } | null;
  online: boolean;
}

type Key = keyof AppState;
type Listener = () => void;

export class Store {
  readonly state: AppState = {
    me: null,
    area: null,
    quests: new Map(),
    mine: new Map(),
    position: null,
    team: null,
    rank: null,
    online: navigator.onLine,
  };
  private readonly listeners = new Map<Key, Set<Listener>>();

  set<K extends Key>(key: K, value: AppState[K]): void {
    this.state[key] = value;
    this.changed(key);
  }

  /** For in-place edits of the Maps: call after mutating. */
  changed(key: Key): void {
    for (const l of this.listeners.get(key) ?? []) l();
  }

  on(keys: Key[], listener: Listener): () => void {
    for (const k of keys) {
      if (!this.listeners.has(k)) this.listeners.set(k, new Set());
      this.listeners.get(k)!.add(listener);
    }
    return () => keys.forEach((k) => this.listeners.get(k)?.delete(listener));
  }
}
