/**
 * The console's integrations page: each connection's health (last poll, errors, pauses),
 * what it took, the statuses sent back and the dead letters to send again; the form to
 * connect a council's endpoint; and the API keys organisations report with.
 */
import {
  integrationsContracts as api,
  type Integration,
  type IntegrationPush,
} from '@govcraft/shared';
import { call } from '../net/call';
import { h, replaceChildren } from '../ui/dom';
import { clearErrors, errorMessage, loadOrExplain, showErrors } from '../ui/errors';
import { dateTimeText } from '../ui/format';
import { toast } from '../ui/toast';
import { connectForm } from './integrations-connect';
import { apiKeysPanel } from './integrations-keys';
import type { ConsoleContext, Section } from './types';

export function integrationsSection(ctx: ConsoleContext): Section {
  const slug = ctx.area.slug;
  const tz = ctx.area.timezone;
  const when = (iso: string | null) => (iso ? dateTimeText(iso, tz) : 'never');
  const list = h('div', {}, h('p', { role: 'status' }, 'Loading connections…'));

  function pushItem(p: IntegrationPush): HTMLElement {
    const item = h(
      'li',
      {},
      `${p.remoteId}: ${p.status} — “${p.note}” · ${p.state}, ${p.attempts} attempt(s)`,
      p.lastError ? h('span', { class: 'error-text' }, ` · ${p.lastError}`) : null,
    );
    if (p.state === 'dead') {
      const retry = h('button', { type: 'button', class: 'button secondary' }, 'Send again');
      retry.setAttribute('aria-label', `Send the status of ${p.remoteId} again`);
      retry.addEventListener('click', async () => {
        try {
          await call(api.retryIntegrationPush, { params: { slug, pushId: p.id } });
          toast('Queued to send again.', 'success');
          await load();
        } catch (err) {
          toast(errorMessage(err), 'error');
        }
      });
      item.append(' ', retry);
    }
    return item;
  }

  function details(c: Integration): HTMLElement {
    const params = { slug, integrationId: c.id };
    const body = h('div', {}, h('p', { role: 'status' }, 'Loading…'));
    const el = h('details', {}, h('summary', {}, 'Requests taken and statuses sent'), body);
    el.addEventListener('toggle', () => {
      if (!el.open) return;
      void loadOrExplain(
        body,
        () =>
          Promise.all([
            call(api.listIntegrationLinks, { params }),
            call(api.listIntegrationPushes, { params }),
          ]),
        ([links, pushes]) =>
          replaceChildren(
            body,
            h('h4', {}, 'Requests taken'),
            links.items.length
              ? h(
                  'ul',
                  {},
                  links.items.map((l) =>
                    h(
                      'li',
                      {},
                      `${l.remoteId} → `,
                      l.questId
                        ? `${l.questTitle} (${l.questStatus})`
                        : `skipped: ${l.skippedReason}`,
                    ),
                  ),
                )
              : h('p', { class: 'empty-state' }, 'Nothing taken yet.'),
            h('h4', {}, 'Statuses sent back (dead letters can be sent again)'),
            pushes.items.length
              ? h('ul', {}, pushes.items.map(pushItem))
              : h('p', { class: 'empty-state' }, 'Nothing sent yet.'),
          ),
      );
    });
    return el;
  }

  function csvForm(c: Integration): HTMLElement {
    const id = `csv-${c.id}`;
    const form = h(
      'form',
      { novalidate: true },
      h(
        'div',
        { class: 'form-group', 'data-field': 'csv' },
        h('label', { for: id }, 'CSV (header: id, service_code, description, lat, lng, address)'),
        h('input', { id, type: 'file', accept: '.csv,text/csv' }),
      ),
      h('button', { type: 'submit', class: 'button' }, 'Import'),
    );
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      clearErrors(form);
      const file = form.querySelector<HTMLInputElement>('input')!.files?.[0];
      try {
        const csv = file ? await file.text() : '';
        const r = await call(api.importIntegrationCsv, {
          params: { slug, integrationId: c.id },
          body: { csv },
        });
        toast(`${r.created} quest(s) created, ${r.skipped} skipped.`, 'success');
        await load();
      } catch (err) {
        showErrors(form, err);
      }
    });
    return form;
  }

  function card(c: Integration): HTMLElement {
    const poll = h(
      'button',
      { type: 'button', class: 'button secondary' },
      'Fetch new requests now',
    );
    poll.addEventListener('click', async () => {
      try {
        await call(api.pollIntegration, { params: { slug, integrationId: c.id } });
        toast('Fetching; new requests appear as drafts.', 'success');
      } catch (err) {
        toast(errorMessage(err), 'error');
      }
    });
    return h(
      'article',
      { class: 'status-card', 'aria-labelledby': `int-${c.id}` },
      h('h3', { id: `int-${c.id}` }, c.name),
      h(
        'p',
        { class: 'hint' },
        c.kind === 'open311'
          ? `Open311 · ${c.baseUrl} · jurisdiction ${c.jurisdictionId ?? '—'}`
          : 'CSV import',
      ),
      h(
        'p',
        {},
        `Services: ${c.services.map((s) => `${s.code}${s.autoPublish ? ' (published at once)' : ''}`).join(', ')}`,
      ),
      h(
        'p',
        {},
        `${c.linked} request(s) taken · last check ${when(c.lastPolledAt)} · up to ${when(c.watermark)}`,
        c.pendingPushes ? ` · ${c.pendingPushes} status(es) waiting` : '',
      ),
      c.lastError ? h('p', { class: 'error-text' }, `Last error: ${c.lastError}`) : null,
      c.pollNotBefore ? h('p', { class: 'hint' }, `Paused until ${when(c.pollNotBefore)}.`) : null,
      c.deadPushes
        ? h(
            'p',
            { class: 'error-text' },
            `${c.deadPushes} status(es) could not be sent (dead letters).`,
          )
        : null,
      c.kind === 'open311' ? poll : csvForm(c),
      details(c),
    );
  }

  const load = () =>
    loadOrExplain(
      list,
      () => call(api.listIntegrations, { params: { slug } }),
      (r) =>
        replaceChildren(
          list,
          r.items.length
            ? r.items.map(card)
            : h('p', { class: 'empty-state' }, 'No case system connected yet.'),
        ),
    );
  void load();
  return {
    el: h(
      'section',
      {},
      h('h1', {}, 'Integrations'),
      h('h2', {}, 'Connected case systems'),
      list,
      connectForm(ctx, () => void load()),
      apiKeysPanel(ctx),
    ),
  };
}
