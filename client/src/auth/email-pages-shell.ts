/** The plain page the email flows open on: header, one heading, a form or a message. */
import { h, uid, type Child } from '../ui/dom';

export function emailFlowPage(root: HTMLElement, title: string, ...content: Child[]): HTMLElement {
  document.title = `${title} – GovCraft`;
  const main = h('main', { id: 'main', class: 'auth-page' }, h('h1', {}, title), ...content);
  root.replaceChildren(
    h('header', { class: 'site-header' }, h('a', { class: 'brand', href: '/' }, 'GovCraft')),
    main,
  );
  return main;
}

/** A labelled input in a GOV.UK-style group; `name` is the path server issues use. */
export function inputField(
  name: string,
  label: string,
  type: string,
  autocomplete: string,
  hint?: string,
): HTMLElement {
  const id = uid(name);
  const hintId = hint ? `${id}-hint` : null;
  return h(
    'div',
    { class: 'form-group', 'data-field': name },
    h('label', { for: id }, label),
    hint ? h('p', { class: 'hint', id: hintId }, hint) : null,
    h('input', { id, name, type, autocomplete, 'aria-describedby': hintId, spellcheck: 'false' }),
  );
}

export function formValuesOf(form: HTMLFormElement): Record<string, string> {
  return Object.fromEntries([...new FormData(form)].map(([k, v]) => [k, String(v)]));
}

/** The `token` in the page's address, as the email's link put it there. */
export const tokenFromAddress = () => new URLSearchParams(location.search).get('token') ?? '';

/** Replaces the page's content with a message that screen readers announce. */
export function showOutcome(main: HTMLElement, heading: string, ...lines: Child[]): void {
  const title = h('h1', { tabindex: -1 }, heading);
  main.replaceChildren(title, h('div', { role: 'status' }, ...lines));
  document.title = `${heading} – GovCraft`;
  title.focus();
}
