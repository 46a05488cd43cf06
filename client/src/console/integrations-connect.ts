/** The form that connects an area to a council's Open311 endpoint or a CSV import. */
import {
  SUPERPOWER_INFO,
  SUPERPOWERS,
  integrationsContracts as api,
  type CreateIntegrationRequest,
  type Superpower,
} from '@govcraft/shared';
import { call } from '../net/call';
import { h } from '../ui/dom';
import { clearErrors, formProblems, showErrors } from '../ui/errors';
import { toast } from '../ui/toast';
import type { ConsoleContext } from './types';

function field(id: string, path: string, label: string, control: HTMLElement, hint?: string) {
  return h(
    'div',
    { class: 'form-group', 'data-field': path },
    h('label', { for: id }, label),
    hint ? h('p', { class: 'hint', id: `${id}-hint` }, hint) : null,
    control,
  );
}

function serviceRow(index: number): HTMLElement {
  const id = `svc-${index}`;
  return h(
    'fieldset',
    { class: 'service-rule', 'data-field': `services.${index}` },
    h('legend', {}, `Service ${index + 1}`),
    field(
      `${id}-code`,
      `services.${index}.code`,
      'Their service code',
      h('input', { id: `${id}-code`, type: 'text', name: 'code' }),
    ),
    field(
      `${id}-sp`,
      `services.${index}.superpower`,
      'Becomes quests training',
      h(
        'select',
        { id: `${id}-sp`, name: 'superpower' },
        SUPERPOWERS.map((s) => h('option', { value: s }, SUPERPOWER_INFO[s].label)),
      ),
    ),
    h(
      'div',
      { class: 'checkbox' },
      h('input', { type: 'checkbox', id: `${id}-auto`, name: 'autoPublish' }),
      h('label', { for: `${id}-auto` }, 'Publish at once (otherwise a draft for an officer)'),
    ),
  );
}

/** What the form still needs, in the console's words, before the server is asked. */
function missingParts(body: CreateIntegrationRequest) {
  const problems: { path: string; message: string }[] = [];
  if (body.name.length < 2) problems.push({ path: 'name', message: 'give the connection a name' });
  if (body.kind === 'open311' && !body.baseUrl)
    problems.push({ path: 'baseUrl', message: "enter the endpoint's base URL" });
  body.services.forEach((s, i) => {
    if (!s.code) problems.push({ path: `services.${i}.code`, message: 'enter their service code' });
  });
  return problems;
}

export function connectForm(ctx: ConsoleContext, onCreated: () => void): HTMLElement {
  const kind = h(
    'select',
    { id: 'int-kind', name: 'kind' },
    h('option', { value: 'open311' }, "A council's Open311 endpoint"),
    h('option', { value: 'csv' }, 'CSV files I upload'),
  );
  const services = h('div', {}, serviceRow(0));
  const addService = h(
    'button',
    { type: 'button', class: 'button secondary' },
    'Add another service',
  );
  addService.addEventListener('click', () => {
    const row = serviceRow(services.children.length);
    services.append(row);
    row.querySelector('input')?.focus();
  });
  const remoteOnly = h(
    'div',
    {},
    field(
      'int-url',
      'baseUrl',
      'Base URL',
      h('input', {
        id: 'int-url',
        type: 'text',
        inputmode: 'url',
        'aria-describedby': 'int-url-hint',
      }),
      'e.g. https://council.example/open311/v2',
    ),
    field(
      'int-jur',
      'jurisdictionId',
      'Jurisdiction id',
      h('input', { id: 'int-jur', type: 'text' }),
    ),
    field(
      'int-key',
      'apiKey',
      'Their API key for us',
      h('input', { id: 'int-key', type: 'password', autocomplete: 'off' }),
    ),
    field(
      'int-every',
      'pollEveryMinutes',
      'Check for new requests every (minutes)',
      h('input', { id: 'int-every', type: 'number', min: 1, max: 1440, value: 5 }),
    ),
  );
  kind.addEventListener('change', () => {
    remoteOnly.hidden = kind.value !== 'open311';
  });

  const form = h(
    'form',
    { novalidate: true, 'aria-labelledby': 'connect-title' },
    h('h2', { id: 'connect-title' }, 'Connect a case system'),
    field('int-kind', 'kind', 'Where requests come from', kind),
    field('int-name', 'name', 'Name', h('input', { id: 'int-name', type: 'text' })),
    remoteOnly,
    services,
    h('p', {}, addService),
    h('button', { type: 'submit', class: 'button' }, 'Connect'),
  );

  const value = (id: string) => form.querySelector<HTMLInputElement>(`#${id}`)!.value.trim();
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    const isOpen311 = kind.value === 'open311';
    const body: CreateIntegrationRequest = {
      kind: kind.value as CreateIntegrationRequest['kind'],
      name: value('int-name'),
      ...(isOpen311
        ? {
            baseUrl: value('int-url') || undefined,
            jurisdictionId: value('int-jur') || undefined,
            apiKey: value('int-key') || undefined,
          }
        : {}),
      services: [...services.querySelectorAll('fieldset')].map((fs) => ({
        code: fs.querySelector<HTMLInputElement>('[name=code]')!.value.trim(),
        superpower: fs.querySelector<HTMLSelectElement>('[name=superpower]')!.value as Superpower,
        autoPublish: fs.querySelector<HTMLInputElement>('[name=autoPublish]')!.checked,
      })),
      batchSize: 100,
      pollEveryMinutes: Number(value('int-every')) || 5,
    };
    try {
      const problems = missingParts(body);
      if (problems.length) throw formProblems(...problems);
      await call(api.createIntegration, { params: { slug: ctx.area.slug }, body });
      toast('Connected.', 'success');
      form.reset();
      onCreated();
    } catch (err) {
      showErrors(form, err);
    }
  });
  return form;
}
