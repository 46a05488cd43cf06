/**
 * The community budget page (/budget): a plain full-height page rather than a map panel, so
 * the ballot cart has the whole phone screen and reads simply with a screen reader.
 */
import { loadMe, pickArea } from '../app/bootstrap';
import { h } from '../ui/dom';
import { budgetView } from './budget-view';

export async function startBudgetPage(root: HTMLElement): Promise<void> {
  const me = await loadMe();
  const area = await pickArea(me);
  const main = h('main', { id: 'main', class: 'budget-page', tabindex: -1 });
  root.replaceChildren(
    h(
      'header',
      { class: 'site-header' },
      h('a', { class: 'brand', href: '/' }, 'GovCraft'),
      h(
        'nav',
        { class: 'account', 'aria-label': 'Budget', style: 'margin-left:auto' },
        h('a', { href: '/' }, 'Back to the map'),
      ),
    ),
    main,
  );
  if (!area) {
    main.append(h('p', { class: 'empty-state' }, 'There is no area here yet.'));
    return;
  }
  document.title = `Community budget – ${area.name} – GovCraft`;
  main.append(budgetView({ me, area, position: null }));
}
