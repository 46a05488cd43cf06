/**
 * The area chooser: every area on this server as a list of links (the way to choose with a
 * keyboard or a screen reader) beside a map of their boundaries. The choice is remembered
 * on this device when the chosen area opens.
 */
import type { Area } from '@govcraft/shared';
import { h } from '../ui/dom';
import { areaMap } from './area-map';
import { areaPath, CHOOSER_PATH, rememberArea } from './choose';
import './area-chooser.css';

function areaLink(area: Area): HTMLElement {
  const link = h(
    'a',
    { class: 'area-link', href: areaPath(area.slug) },
    h('span', { class: 'area-link__name' }, area.name),
    area.archivedAt
      ? h('span', { class: 'area-link__note' }, 'Archived: you can look, not add')
      : null,
  );
  link.addEventListener('click', () => rememberArea(area.slug));
  return h('li', {}, link);
}

export function showAreaChooser(
  root: HTMLElement,
  choice: { areas: Area[]; unknownSlug: string | null },
): void {
  const open = (area: Area) => {
    rememberArea(area.slug);
    location.assign(areaPath(area.slug));
  };
  document.title = 'Choose your area – GovCraft';
  root.replaceChildren(
    h('header', { class: 'site-header' }, h('a', { class: 'brand', href: '/areas' }, 'GovCraft')),
    h(
      'main',
      { id: 'main', class: 'area-chooser' },
      h('h1', {}, 'Choose your area'),
      choice.unknownSlug
        ? h(
            'p',
            { class: 'area-chooser__notice', role: 'alert' },
            `There is no area called “${choice.unknownSlug}” here. Choose one from the list.`,
          )
        : null,
      h(
        'p',
        {},
        `GovCraft runs here for ${choice.areas.length} areas. Choose the one where you live or want to help; this device will remember it.`,
      ),
      h(
        'div',
        { class: 'area-chooser__body' },
        h(
          'nav',
          { class: 'area-chooser__list', 'aria-labelledby': 'area-list-heading' },
          h('h2', { id: 'area-list-heading' }, 'Areas'),
          h('ul', { class: 'area-list' }, choice.areas.map(areaLink)),
        ),
        h(
          'figure',
          { class: 'area-map' },
          areaMap(choice.areas, open),
          h('figcaption', {}, 'Select an area on the map or in the list.'),
        ),
      ),
    ),
  );
}

/**
 * The way back to the chooser on a server with several areas: the brand link leads there,
 * and wider screens also show a "Change area" link before `beside` (phones have no room).
 */
export function offerAreaChange(header: HTMLElement, beside: HTMLElement): void {
  const brand = header.querySelector<HTMLAnchorElement>('a.brand');
  if (brand) {
    brand.href = CHOOSER_PATH;
    brand.append(h('span', { class: 'visually-hidden' }, ', change area'));
  }
  beside.before(h('a', { class: 'change-area', href: CHOOSER_PATH }, 'Change area'));
}

/** Said at the top of an archived area's app: it can be read, not added to. */
export function archivedNotice(area: Area): HTMLElement | null {
  if (!area.archivedAt) return null;
  return h(
    'p',
    { class: 'archived-banner', role: 'status' },
    `${area.name} is archived: you can look at its quests, but nothing new can be added.`,
  );
}
