/**
 * The small form every comment action uses (a new comment, a reply, an edit, a report): one
 * labelled text box, a send button and, inline, a cancel button. Errors show as the
 * server's 400s do, on the named field.
 */
import { h, uid } from '../ui/dom';
import { clearErrors, formProblems, showErrors } from '../ui/errors';

export interface TextFormOptions {
  /** The server's name for the field, so its 400s land on the box. */
  field: 'body' | 'reason';
  label: string;
  hint?: string;
  submitText: string;
  initial?: string;
  maxLength: number;
  /** Resolves when sent; rejects with the error to show. */
  onSubmit(text: string): Promise<void>;
  /** Inline forms only: closes the form without sending. */
  onCancel?(): void;
}

export function textForm(o: TextFormOptions): HTMLFormElement {
  const id = uid(`comment-${o.field}`);
  const box = h(
    'textarea',
    {
      id,
      name: o.field,
      rows: 3,
      maxlength: o.maxLength,
      'aria-describedby': o.hint ? `${id}-hint` : null,
    },
    o.initial ?? '',
  );
  const send = h('button', { type: 'submit', class: 'button' }, o.submitText);
  const cancel = o.onCancel
    ? h('button', { type: 'button', class: 'button secondary', onClick: o.onCancel }, 'Cancel')
    : null;
  const form = h(
    'form',
    { class: 'comment-form', novalidate: true },
    h(
      'div',
      { class: 'form-group', 'data-field': o.field },
      h('label', { for: id }, o.label),
      o.hint ? h('p', { class: 'hint', id: `${id}-hint` }, o.hint) : null,
      box,
    ),
    h('div', { class: 'comment-form-actions' }, send, cancel),
  );
  form.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && o.onCancel) {
      e.preventDefault();
      o.onCancel();
    }
  });
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    const text = box.value.trim();
    send.disabled = true;
    try {
      if (!text) throw formProblems({ path: o.field, message: 'write something first' });
      await o.onSubmit(text);
      if (!o.onCancel) box.value = '';
    } catch (err) {
      showErrors(form, err);
    } finally {
      send.disabled = false;
    }
  });
  return form;
}

/** Focuses the form's text box (after opening it). */
export function focusBox(form: HTMLFormElement): void {
  form.querySelector('textarea')?.focus();
}
