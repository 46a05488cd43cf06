/** Inline SVG superpower icons for the DOM, matching the map markers' shapes. */
import { SUPERPOWER_INFO, type Superpower } from '@govcraft/shared';

const SHAPES: Record<string, string> = {
  bolt: '<path d="M13 2 4 14h6l-2 8 9-12h-6z" fill="currentColor"/>',
  rings:
    '<circle cx="9" cy="12" r="5.5" fill="none" stroke="currentColor" stroke-width="2.5"/><circle cx="15" cy="12" r="5.5" fill="none" stroke="currentColor" stroke-width="2.5"/>',
  check:
    '<path d="m4 12 5 5L20 6" fill="none" stroke="currentColor" stroke-width="3.5" stroke-linecap="round" stroke-linejoin="round"/>',
  star: '<path d="m12 2 2.9 6.3 6.9.8-5.1 4.7 1.4 6.8L12 17.2l-6.1 3.4 1.4-6.8L2.2 9.1l6.9-.8z" fill="currentColor"/>',
};

/** A decorative icon (aria-hidden): the text label next to it carries the meaning. */
export function superpowerIcon(sp: Superpower, size = 20): SVGSVGElement {
  const info = SUPERPOWER_INFO[sp];
  const tpl = document.createElement('template');
  tpl.innerHTML = `<svg class="sp-icon" viewBox="0 0 24 24" width="${size}" height="${size}" aria-hidden="true" focusable="false" style="color:${info.colour}">${SHAPES[info.shape] ?? ''}</svg>`;
  return tpl.content.firstElementChild as SVGSVGElement;
}

export function superpowerTag(sp: Superpower): HTMLElement {
  const info = SUPERPOWER_INFO[sp];
  const el = document.createElement('span');
  el.className = `sp-tag sp-tag--${sp}`;
  el.append(superpowerIcon(sp, 16), document.createTextNode(info.label));
  return el;
}

const UI_ICONS: Record<string, string> = {
  pin: '<path d="M12 2a7 7 0 0 0-7 7c0 5 7 13 7 13s7-8 7-13a7 7 0 0 0-7-7zm0 9.5A2.5 2.5 0 1 1 12 6.5a2.5 2.5 0 0 1 0 5z" fill="currentColor"/>',
  camera:
    '<path d="M9 4 7.5 6H4a2 2 0 0 0-2 2v10a2 2 0 0 0 2 2h16a2 2 0 0 0 2-2V8a2 2 0 0 0-2-2h-3.5L15 4zm3 5a4 4 0 1 1 0 8 4 4 0 0 1 0-8z" fill="currentColor"/>',
  note: '<path d="M4 17.3V20h2.7l8-8-2.7-2.7zm15.7-9.6a1 1 0 0 0 0-1.4l-2-2a1 1 0 0 0-1.4 0l-1.6 1.6 3.4 3.4z" fill="currentColor"/>',
  people:
    '<circle cx="8" cy="8" r="3.5" fill="currentColor"/><circle cx="16.5" cy="9" r="3" fill="currentColor"/><path d="M1.5 20c0-3.6 2.9-6 6.5-6s6.5 2.4 6.5 6zm13.5 0c0-2-.6-3.6-1.7-4.8 3.9-.6 8.2 1.2 8.2 4.8z" fill="currentColor"/>',
  officer:
    '<path d="M12 2 4 5v6c0 5 3.4 9.4 8 11 4.6-1.6 8-6 8-11V5zm-1.5 14.2-4-4 1.4-1.4 2.6 2.6 5.6-5.6 1.4 1.4z" fill="currentColor"/>',
  lock: '<path d="M7 10V7a5 5 0 0 1 10 0v3h1a1 1 0 0 1 1 1v10a1 1 0 0 1-1 1H6a1 1 0 0 1-1-1V11a1 1 0 0 1 1-1zm2 0h6V7a3 3 0 0 0-6 0z" fill="currentColor"/>',
};

/** Small decorative interface icons (aria-hidden; text beside them carries the meaning). */
export function uiIcon(name: keyof typeof UI_ICONS & string, size = 18): SVGSVGElement {
  const tpl = document.createElement('template');
  tpl.innerHTML = `<svg class="ui-icon" viewBox="0 0 24 24" width="${size}" height="${size}" aria-hidden="true" focusable="false">${UI_ICONS[name] ?? ''}</svg>`;
  return tpl.content.firstElementChild as SVGSVGElement;
}
