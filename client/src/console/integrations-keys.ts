/** Open311 API keys for organisations: issue (the key is shown once) and revoke. */
import { integrationsContracts as api, type Open311ApiKey } from '@govcraft/shared';
import { call } from '../net/call';
import { h, replaceChildren } from '../ui/dom';
import { clearErrors, errorMessage, formProblems, loadOrExplain, showErrors } from '../ui/errors';
import { dateTimeText } from '../ui/format';
import { toast } from '../ui/toast';
import type { ConsoleContext } from './types';

export function apiKeysPanel(ctx: ConsoleContext): HTMLElement {
  const params = { slug: ctx.area.slug };
  const list = h('div', {}, h('p', { role: 'status' }, 'Loading keys…'));
  const issued = h('div', { role: 'status', 'aria-live': 'polite' });

  function row(k: Open311ApiKey): HTMLElement {
    const revoke = h(
      'button',
      { type: 'button', class: 'button warning', disabled: !!k.revokedAt },
      k.revokedAt ? 'Revoked' : 'Revoke',
    );
    revoke.setAttribute('aria-label', `Revoke the key of ${k.organisation}`);
    revoke.addEventListener('click', async () => {
      try {
        await call(api.revokeOpen311ApiKey, { params: { ...params, keyId: k.id } });
        toast(`The key of ${k.organisation} no longer works.`, 'success');
        await load();
      } catch (err) {
        toast(errorMessage(err), 'error');
      }
    });
    return h(
      'li',
      {},
      h('strong', {}, k.organisation),
      ` · ${k.keyPrefix}… · issued ${dateTimeText(k.createdAt, ctx.area.timezone)}`,
      k.revokedAt ? ` · revoked ${dateTimeText(k.revokedAt, ctx.area.timezone)} ` : ' ',
      revoke,
    );
  }

  const load = () =>
    loadOrExplain(
      list,
      () => call(api.listOpen311ApiKeys, { params }),
      (r) =>
        replaceChildren(
          list,
          r.items.length
            ? h('ul', { class: 'plain-list' }, r.items.map(row))
            : h('p', { class: 'empty-state' }, 'No keys issued yet.'),
        ),
    );

  const form = h(
    'form',
    { novalidate: true, class: 'inline-form' },
    h(
      'div',
      { class: 'form-group', 'data-field': 'organisation' },
      h('label', { for: 'key-organisation' }, 'Organisation'),
      h('input', {
        id: 'key-organisation',
        type: 'text',
        name: 'organisation',
        autocomplete: 'organization',
      }),
    ),
    h('button', { type: 'submit', class: 'button' }, 'Issue a key'),
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    const input = form.querySelector<HTMLInputElement>('input')!;
    try {
      if (input.value.trim().length < 2)
        throw formProblems({ path: 'organisation', message: 'enter the organisation’s name' });
      const key = await call(api.issueOpen311ApiKey, {
        params,
        body: { organisation: input.value.trim() },
      });
      input.value = '';
      replaceChildren(
        issued,
        h(
          'p',
          {},
          `Key for ${key.organisation} (shown only now; give it to them securely): `,
          h('code', {}, key.key),
        ),
      );
      await load();
    } catch (err) {
      showErrors(form, err);
    }
  });

  void load();
  return h(
    'section',
    { 'aria-labelledby': 'keys-title' },
    h('h2', { id: 'keys-title' }, 'Open311 API keys'),
    h(
      'p',
      { class: 'hint' },
      `Organisations post reports to ${location.origin}/open311/v2/requests.json with jurisdiction_id=${ctx.area.slug} and their key. Reports arrive as proposals.`,
    ),
    form,
    issued,
    list,
  );
}
