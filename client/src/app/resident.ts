/**
 * The resident app: HUD, map, and the panel column (a bottom sheet on phones). The panels
 * are usable straight away; Phaser arrives in its own chunk and draws the map when ready.
 */
import { areasContracts } from '@govcraft/shared';
import { archivedNotice, offerAreaChange, showAreaChooser } from '../areas/chooser';
import { chooseArea } from '../areas/choose';
import { loadMap, type MapController } from '../map/bridge';
import { toMarker } from '../map/markers';
import { urlOf } from '../net/call';
import { connectRealtime } from '../net/socket';
import { mountNotificationCentre } from '../notifications/centre';
import { isOnMap } from '../quests/quest-filter';
import { prefersReducedMotion } from '../ui/dom';
import { loadMe } from './bootstrap';
import type { AppContext } from './context';
import { resumeIfAllowed, trackOnline, trackPosition } from './device';
import { showHud } from './hud';
import { startLiveData } from './live-data';
import { createPanels, isPhone } from './panels';
import { noAreasPage, residentLayout } from './resident-layout';
import { Store } from './state';

export async function startResidentApp(root: HTMLElement): Promise<void> {
  const store = new Store();
  const me = await loadMe();
  store.set('me', me);
  const choice = await chooseArea(me);
  if (choice.kind === 'none') return noAreasPage(root);
  if (choice.kind === 'choose') return showAreaChooser(root, choice);
  const { area } = choice;
  store.set('area', area);
  document.title = `${area.name} – GovCraft`;
  const realtime = connectRealtime();
  let map: MapController | null = null;
  const position = trackPosition(store, () => map);

  const layout = residentLayout(root, area, {
    zoomBy: (factor) => map?.zoomBy(factor),
    findMe: () => position.watch(true),
  });
  if (choice.areas.length > 1) offerAreaChange(root, layout.hud);
  const archived = archivedNotice(area);
  if (archived) layout.offline.before(archived);
  const panels = createPanels(layout, () => ctx);
  const ctx: AppContext = {
    store,
    realtime,
    slug: area.slug,
    map: () => map,
    openQuest: panels.openQuest,
    openPropose: panels.openPropose,
    showTab: panels.showTab,
    xpTarget: () => layout.hud.querySelector('.level-badge'),
    refreshMe: async () => {
      const fresh = await loadMe();
      store.set('me', fresh);
    },
  };

  showHud(store, layout.hud, layout.account);
  if (me) {
    const [minLng, minLat, maxLng, maxLat] = area.bbox;
    mountNotificationCentre(layout.notifications, {
      me,
      realtime,
      areaId: area.id,
      openQuest: (questId) => ctx.openQuest(questId),
      openTab: (tab) => {
        const known = ['list', 'leaderboard', 'story', 'team', 'profile'] as const;
        const found = known.find((t) => t === tab);
        if (found) ctx.showTab(found);
        return !!found;
      },
      here: () =>
        store.state.position ?? { lat: (minLat + maxLat) / 2, lng: (minLng + maxLng) / 2 },
    });
  }
  const syncMarkers = () =>
    map?.setMarkers([...store.state.quests.values()].filter(isOnMap).map(toMarker));
  store.on(['quests'], syncMarkers);
  store.on(['position'], () => map?.setUserPosition(store.state.position));
  const data = startLiveData(store, realtime, area, ctx);
  trackOnline(store, layout.offline);
  resumeIfAllowed(position);

  panels.showTab('list');
  if (isPhone()) panels.closePanel();
  await data.loadAll();
  // `/?quest=<id>` opens that quest's sheet: links from mail, notifications and open data.
  const linked = new URLSearchParams(location.search).get('quest');
  if (linked) panels.openQuest(linked);

  // The map last: panels are already usable while Phaser downloads.
  loadMap({
    container: layout.mapBox,
    area,
    mapUrl: urlOf(areasContracts.getAreaMap, { params: { slug: area.slug } }),
    reducedMotion: prefersReducedMotion(),
    callbacks: { onMarkerSelect: panels.openQuest },
  }).then(
    (controller) => {
      map = controller;
      (window as unknown as { govcraftMap?: MapController }).govcraftMap = controller;
      layout.mapLoading.remove();
      syncMarkers();
      map.setUserPosition(store.state.position);
    },
    (err: unknown) => {
      console.error('map failed', err);
      layout.mapLoading.textContent = "The map couldn't load. Use the List to see every quest.";
    },
  );
}
