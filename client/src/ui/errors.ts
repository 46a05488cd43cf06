/**
 * GOV.UK-style error reporting: a summary at the top of the form that links to each field,
 * and the same message inline above the field it names. Server issues arrive with dotted
 * paths ("location.lat"); fields declare the paths they own with data-field.
 */
import type { z } from 'zod';
import { ApiError, type FieldIssue } from '../net/api';
import { h } from './dom';

export function clearErrors(form: HTMLElement): void {
  form.querySelector('.error-summary')?.remove();
  for (const el of form.querySelectorAll('.field-error')) el.remove();
  for (const el of form.querySelectorAll('.form-group--error'))
    el.classList.remove('form-group--error');
  for (const el of form.querySelectorAll('[aria-invalid="true"]')) {
    el.removeAttribute('aria-invalid');
    const described = (el.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .filter((id) => !id.endsWith('-error'))
      .join(' ');
    if (described) el.setAttribute('aria-describedby', described);
    else el.removeAttribute('aria-describedby');
  }
}

/** The field group owning a dotted path: exact match first, then the nearest parent path. */
function groupFor(form: HTMLElement, path: string): HTMLElement | null {
  let p = path;
  while (p) {
    const g = form.querySelector<HTMLElement>(`[data-field="${CSS.escape(p)}"]`);
    if (g) return g;
    p = p.includes('.') ? p.slice(0, p.lastIndexOf('.')) : '';
  }
  return null;
}

export function showErrors(form: HTMLElement, err: unknown, title = 'There is a problem'): void {
  clearErrors(form);
  const issues: FieldIssue[] =
    err instanceof ApiError
      ? err.issues.length
        ? err.issues
        : [{ path: '', message: err.message }]
      : [{ path: '', message: 'Something went wrong. Try again.' }];

  const items = issues.map((issue) => {
    const group = issue.path ? groupFor(form, issue.path) : null;
    const control = group?.querySelector<HTMLElement>('input, select, textarea, button');
    if (group && control) {
      group.classList.add('form-group--error');
      const errorId = `${control.id || group.dataset.field}-error`;
      if (!group.querySelector(`[id="${CSS.escape(errorId)}"]`)) {
        const label = group.querySelector('label, legend');
        const msg = h(
          'p',
          { class: 'field-error', id: errorId },
          h('span', { class: 'visually-hidden' }, 'Error: '),
          sentence(issue.message),
        );
        if (label) label.after(msg);
        else group.prepend(msg);
      }
      control.setAttribute('aria-invalid', 'true');
      control.setAttribute(
        'aria-describedby',
        `${control.getAttribute('aria-describedby') ?? ''} ${errorId}`.trim(),
      );
      return h('li', {}, h('a', { href: `#${control.id}` }, sentence(issue.message)));
    }
    return h('li', {}, sentence(issue.message));
  });

  const summary = h(
    'div',
    {
      class: 'error-summary',
      role: 'alert',
      tabindex: -1,
      'aria-labelledby': 'error-summary-title',
    },
    h('h2', { class: 'error-summary-title', id: 'error-summary-title' }, title),
    h('ul', {}, items),
  );
  summary.addEventListener('click', (e) => {
    const a = (e.target as HTMLElement).closest('a');
    if (!a) return;
    e.preventDefault();
    form.querySelector<HTMLElement>(a.getAttribute('href') ?? '')?.focus();
  });
  form.prepend(summary);
  summary.focus();
}

/** Server messages are lower-case fragments ("use at least 10 characters"); show sentences. */
export function sentence(text: string): string {
  const t = text.trim();
  if (!t) return t;
  const capital = t[0]!.toUpperCase() + t.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return sentence(err.message);
  return 'Something went wrong. Try again.';
}

/** zod issues → the API's {path, message} so local and server errors look the same. */
export function issuesOf(error: z.ZodError): ApiError {
  return new ApiError(
    400,
    'validation',
    'Check the form',
    error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
  );
}

/** Problems found before anything is sent, shown exactly like the server's 400 issues. */
export function formProblems(...issues: FieldIssue[]): ApiError {
  return new ApiError(400, 'validation', 'Check the form', issues);
}

/** Fetches, then shows what came; a failure puts its message in `body` instead. */
export async function loadOrExplain<T>(
  body: Element,
  fetch: () => Promise<T>,
  show: (data: T) => void,
): Promise<void> {
  try {
    show(await fetch());
  } catch (err) {
    body.replaceChildren(h('p', { class: 'empty-state' }, errorMessage(err)));
  }
}
