/**
 * The resident app's page: header with HUD and account links, the offline banner, the map
 * pane with its DOM controls, and the panel column (a bottom sheet on phones).
 */
import type { Area } from '@govcraft/shared';
import { h } from '../ui/dom';

export interface ResidentLayout {
  hud: HTMLElement;
  account: HTMLElement;
  offline: HTMLElement;
  mapBox: HTMLElement;
  mapLoading: HTMLElement;
  tabList: HTMLElement;
  panelBody: HTMLElement;
  panel: HTMLElement;
  /** Where the notification centre's bell goes (empty for visitors). */
  notifications: HTMLElement;
}

export interface MapButtons {
  zoomBy(factor: number): void;
  findMe(): void;
}

/** Builds the page into `root`; the map buttons act through `buttons`. */
export function residentLayout(root: HTMLElement, area: Area, buttons: MapButtons): ResidentLayout {
  const hud = h('div', { class: 'hud', role: 'group', 'aria-label': 'Your progress' });
  const account = h('nav', { class: 'account', 'aria-label': 'Account' });
  const notifications = h('div', { class: 'notif-slot' });
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
  zoomIn.addEventListener('click', () => buttons.zoomBy(1.5));
  zoomOut.addEventListener('click', () => buttons.zoomBy(1 / 1.5));
  findMe.addEventListener('click', () => buttons.findMe());
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
      notifications,
    ),
    offline,
    h(
      'main',
      { id: 'main', class: 'layout' },
      // The page's one h1, so the panels' h2 headings sit under it in heading navigation.
      h('h1', { class: 'visually-hidden' }, `GovCraft: quests in ${area.name}`),
      mapPane,
      panel,
    ),
  );
  return { hud, account, offline, mapBox, mapLoading, tabList, panelBody, panel, notifications };
}

/** Shown instead of the app when the server has no area to play in. */
export function noAreasPage(root: HTMLElement): void {
  root.replaceChildren(
    h(
      'main',
      { id: 'main', class: 'auth-page' },
      h('h1', {}, 'No areas yet'),
      h('p', {}, 'This GovCraft server has no council areas set up yet.'),
    ),
  );
}
