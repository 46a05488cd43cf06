/** "Evidence you will need": a quest's evidence rules as a list residents can follow. */
import type { Quest } from '@govcraft/shared';
import { h } from '../ui/dom';
import { uiIcon } from '../ui/icons';

export function evidenceChecklist(q: Quest): HTMLElement {
  const r = q.evidenceRules;
  const items: [string, string][] = [];
  if (r.checkin) items.push(['pin', `Check in at the spot (within ${q.location.radiusM} m)`]);
  if (r.photo) items.push(['camera', 'A photo of the result']);
  if (r.text) items.push(['note', 'A short note about what you did']);
  if (r.attestations > 0)
    items.push([
      'people',
      `${r.attestations} other ${r.attestations === 1 ? 'resident vouches' : 'residents vouch'} for you`,
    ]);
  if (r.officerSignOff) items.push(['officer', 'An officer signs it off']);
  return h(
    'ul',
    { class: 'checklist' },
    items.map(([icon, text]) => h('li', {}, uiIcon(icon), text)),
  );
}
