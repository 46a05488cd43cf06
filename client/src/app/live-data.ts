/**
 * The resident app's data: the area's quests, your participations and your team, loaded
 * over HTTP and then kept current by realtime events (and fetched again on reconnect).
 */
import { questsContracts, teamsContracts, type Area, type Quest } from '@govcraft/shared';
import { call } from '../net/call';
import type { Realtime } from '../net/socket';
import { listAreaQuests } from '../quests/api';
import { errorMessage } from '../ui/errors';
import { celebrateXp, toast } from '../ui/toast';
import type { Store } from './state';

export interface LiveData {
  /** The first load of everything; panels already show what arrives. */
  loadAll(): Promise<void>;
}

export function startLiveData(
  store: Store,
  realtime: Realtime,
  area: Area,
  app: { xpTarget(): HTMLElement | null; refreshMe(): Promise<void> },
): LiveData {
  function upsert(q: Quest) {
    if (q.areaId !== area.id) return;
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
    if (e.amount < 0) {
      // XP taken back (evidence rejected after all): no celebration; "Me" explains why.
      toast(`${-e.amount} XP taken back. Your profile says why, and you may appeal once.`);
      store.state.mine.set(e.questId, 'joined');
      store.changed('mine');
      void app.refreshMe();
      return;
    }
    celebrateXp(e.amount, app.xpTarget());
    store.state.mine.set(e.questId, 'completed');
    store.changed('mine');
    void app.refreshMe();
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
      const page = await listAreaQuests(area.slug);
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
      const r = await call(questsContracts.listMyQuests);
      store.state.mine = new Map(r.items.map((m) => [m.quest.id, m.participation.status]));
      store.changed('mine');
    } catch {
      // Not critical: join buttons still work and will say if you already joined.
    }
  }

  async function loadTeam() {
    if (!store.state.me) return;
    try {
      store.set(
        'team',
        (await call(teamsContracts.getMyTeam, { params: { slug: area.slug } })).team,
      );
    } catch {
      // The Team tab retries and explains; the HUD simply shows no team.
    }
  }

  return {
    loadAll: async () => {
      await Promise.all([loadQuests(), loadMine(), loadTeam()]);
    },
  };
}
