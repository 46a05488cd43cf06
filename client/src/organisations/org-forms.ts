/** Start an organisation (you become its lead) or join one with its invite code. */
import {
  ORGANISATION_KINDS,
  ZCreateOrganisationRequest,
  organisationsContracts as api,
} from '@govcraft/shared';
import { call } from '../net/call';
import { h } from '../ui/dom';
import { clearErrors, issuesOf, showErrors } from '../ui/errors';
import { toast } from '../ui/toast';
import type { CommunityContext } from './context';
import { KIND_WORDS } from './words';

const field = (id: string, name: string, label: string, control: HTMLElement, hint?: string) =>
  h(
    'div',
    { class: 'form-group', 'data-field': name },
    h('label', { for: id }, label),
    hint ? h('p', { class: 'hint', id: `${id}-hint` }, hint) : null,
    control,
  );

export function createOrganisationForm(ctx: CommunityContext, done: () => void): HTMLElement {
  const form = h(
    'form',
    { novalidate: true, 'aria-labelledby': 'org-create-h' },
    h('h3', { id: 'org-create-h' }, 'Start an organisation'),
    field(
      'org-name',
      'name',
      'Name',
      h('input', { id: 'org-name', type: 'text', name: 'name', required: true }),
    ),
    field(
      'org-kind',
      'kind',
      'Kind',
      h(
        'select',
        { id: 'org-kind', name: 'kind' },
        ORGANISATION_KINDS.map((k) => h('option', { value: k }, KIND_WORDS[k])),
      ),
    ),
    field(
      'org-desc',
      'description',
      'What the organisation does',
      h('textarea', { id: 'org-desc', name: 'description', rows: 3, required: true }),
    ),
    h(
      'p',
      { class: 'hint' },
      'Your account’s confirmed email is the contact; an officer verifies the organisation before it can pitch.',
    ),
    h('button', { type: 'submit', class: 'button' }, 'Start the organisation'),
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    const data = Object.fromEntries(new FormData(form));
    const parsed = ZCreateOrganisationRequest.safeParse(data);
    if (!parsed.success) return showErrors(form, issuesOf(parsed.error));
    try {
      await call(api.createOrganisation, { params: { slug: ctx.area.slug }, body: parsed.data });
      toast('Organisation started. An officer will verify it.', 'success');
      done();
    } catch (err) {
      showErrors(form, err);
    }
  });
  return form;
}

export function joinOrganisationForm(done: () => void): HTMLElement {
  const form = h(
    'form',
    { novalidate: true, 'aria-labelledby': 'org-join-h' },
    h('h3', { id: 'org-join-h' }, 'Join with an invite code'),
    field(
      'org-code',
      'code',
      'Invite code',
      h('input', { id: 'org-code', type: 'text', name: 'code', autocomplete: 'off' }),
    ),
    h('button', { type: 'submit', class: 'button secondary' }, 'Join'),
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    const code = String(new FormData(form).get('code') ?? '').trim();
    try {
      const org = await call(api.joinOrganisation, { body: { code } });
      toast(`You joined ${org.name}.`, 'success');
      done();
    } catch (err) {
      showErrors(form, err);
    }
  });
  return form;
}
