/**
 * Labelled GOV.UK-style form fields shared by the resident's proposal form and the
 * officer's quest form. `prefix` keeps element ids unique when both are on one page.
 */
import { SUPERPOWER_INFO, SUPERPOWERS, type Superpower } from '@govcraft/shared';
import { h, uid, type Child } from './dom';

type Attrs = Record<string, string | number | boolean>;

export function formFields(prefix: string) {
  const idOf = (name: string) => `${prefix}-${name.replace(/\./g, '-')}`;
  const fields = {
    input(name: string, label: string, attrs: Attrs = {}, hint?: string) {
      const id = idOf(name);
      return h(
        'div',
        { class: 'form-group', 'data-field': name },
        h('label', { for: id }, label),
        hint ? h('p', { class: 'hint', id: `${id}-hint` }, hint) : null,
        h('input', { id, name, 'aria-describedby': hint ? `${id}-hint` : null, ...attrs }),
      );
    },
    textarea(name: string, label: string, hint: string, attrs: Attrs = {}) {
      const id = idOf(name);
      return h(
        'div',
        { class: 'form-group', 'data-field': name },
        h('label', { for: id }, label),
        h('p', { class: 'hint', id: `${id}-hint` }, hint),
        h('textarea', { id, name, rows: 3, 'aria-describedby': `${id}-hint`, ...attrs }),
      );
    },
    /** A group of controls under one legend; `name` is the path server issues use. */
    fieldset(name: string, legend: string, ...children: (Child | Child[])[]) {
      return h(
        'fieldset',
        { class: 'form-group', 'data-field': name },
        h('legend', {}, legend),
        ...children,
      );
    },
    checkbox(name: string, label: string, checked = false) {
      const id = uid(`${prefix}cb-${name}`);
      return h(
        'label',
        { class: 'checkbox', for: id },
        h('input', { type: 'checkbox', id, name, checked }),
        label,
      );
    },
    /** One checkbox per superpower (`sp-<id>`), labelled by `labelOf`. */
    superpowers(
      legend: string,
      labelOf: (s: Superpower) => string = (s) => SUPERPOWER_INFO[s].label,
    ): HTMLFieldSetElement {
      return fields.fieldset(
        'superpowers',
        legend,
        SUPERPOWERS.map((s) => fields.checkbox(`sp-${s}`, labelOf(s))),
      );
    },
  };
  return fields;
}

/** Reads and writes a form's controls by their name. */
export function formValues(form: HTMLFormElement) {
  const field = (name: string) => form.querySelector<HTMLInputElement>(`[name="${name}"]`);
  return {
    field,
    /** The trimmed value; '' when there is no such control. */
    text: (name: string) => (field(name)?.value ?? '').trim(),
    checked: (name: string) => field(name)?.checked ?? false,
    set(name: string, value: string | number) {
      const el = field(name);
      if (el) el.value = String(value);
    },
    setChecked(name: string, on: boolean) {
      const el = field(name);
      if (el) el.checked = on;
    },
  };
}

/**
 * Superpower checkboxes (`sp-<id>`) in the order they were ticked: the first one ticked is
 * the quest's main superpower, which sets its marker shape and colour.
 */
export function trackSuperpowerOrder(form: HTMLFormElement): {
  current(): Superpower[];
  reset(order: Superpower[]): void;
} {
  let order: Superpower[] = [];
  form.addEventListener('change', (e) => {
    const t = e.target as HTMLInputElement;
    if (!t.name?.startsWith('sp-')) return;
    const sp = t.name.slice(3) as Superpower;
    order = t.checked ? [...order.filter((s) => s !== sp), sp] : order.filter((s) => s !== sp);
  });
  return {
    current: () => order,
    reset: (next) => {
      order = [...next];
    },
  };
}
