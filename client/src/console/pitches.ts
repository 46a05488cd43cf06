/**
 * Pitches from community organisations: approve (allocates the budget and starts the quest),
 * ask for changes (back to the organisation with a note) or decline with a public reason;
 * for approved pitches, confirm a milestone's evidence to release its money. Organisations
 * waiting for verification are listed first.
 */
import { organisationsContracts as api, type Organisation, type Pitch } from '@govcraft/shared';
import { call } from '../net/call';
import { h, replaceChildren } from '../ui/dom';
import { clearErrors, formProblems, loadOrExplain, showErrors } from '../ui/errors';
import { dateTimeText } from '../ui/format';
import { toast } from '../ui/toast';
import { STATUS_WORDS, penceText, releasedText } from '../organisations/words';
import type { ConsoleContext, Section } from './types';

export function pitchesSection(ctx: ConsoleContext): Section {
  const slug = ctx.area.slug;
  const body = h('div', {}, h('p', { role: 'status' }, 'Loading pitches…'));

  function orgCard(o: Organisation): HTMLElement {
    const verify = h('button', { type: 'button', class: 'button' }, `Verify ${o.name}`);
    verify.disabled = !o.contactVerified;
    verify.addEventListener('click', async () => {
      try {
        await call(api.verifyOrganisation, { params: { slug, organisationId: o.id } });
        toast(`${o.name} verified.`, 'success');
        await load();
      } catch (err) {
        toast(String((err as Error).message), 'error');
      }
    });
    return h(
      'li',
      { class: 'proposal' },
      h('h3', {}, o.name),
      h('p', { class: 'prose' }, o.description),
      h(
        'p',
        { class: 'hint' },
        o.contactVerified
          ? 'Contact email confirmed.'
          : 'Contact email not confirmed yet; verify once it is.',
      ),
      verify,
    );
  }

  function decisionForm(p: Pitch): HTMLElement {
    const noteId = `note-${p.id}`;
    const form = h(
      'form',
      { novalidate: true, class: 'proposal', 'aria-labelledby': `pt-${p.id}` },
      h('h3', { id: `pt-${p.id}` }, h('a', { href: `/pitches/${p.id}` }, p.title)),
      h(
        'p',
        { class: 'hint' },
        `${p.organisationName} · asks ${penceText(p.budgetPence)} · deadline ${dateTimeText(p.deadline)}`,
      ),
      h('p', { class: 'prose' }, p.summary),
      h('p', {}, h('strong', {}, 'Outcome: '), p.outcome),
      h(
        'ul',
        {},
        p.milestones.map((m) =>
          h('li', {}, `${m.title}: ${penceText(m.amountPence)} – evidenced by ${m.evidencedBy}`),
        ),
      ),
      h(
        'div',
        { class: 'form-group', 'data-field': 'note' },
        h(
          'label',
          { for: noteId },
          'Note (needed to ask for changes or decline; the organisation and the public see a decline reason)',
        ),
        h('textarea', { id: noteId, name: 'note', rows: 2 }),
      ),
      h(
        'div',
        { class: 'table-actions' },
        h('button', { type: 'button', class: 'button', 'data-act': 'approve' }, 'Approve'),
        h(
          'button',
          { type: 'button', class: 'button secondary', 'data-act': 'request_changes' },
          'Ask for changes',
        ),
        h('button', { type: 'button', class: 'button warning', 'data-act': 'decline' }, 'Decline'),
      ),
    );
    form.addEventListener('click', async (e) => {
      const act = (e.target as HTMLElement).closest<HTMLElement>('[data-act]')?.dataset.act;
      if (!act) return;
      clearErrors(form);
      const note = form.querySelector<HTMLTextAreaElement>('textarea')!.value.trim();
      try {
        if (act !== 'approve' && note.length < 5)
          throw formProblems({
            path: 'note',
            message: 'say what to change, or why it is declined',
          });
        const body =
          act === 'approve'
            ? { decision: 'approve' as const, ...(note ? { note } : {}) }
            : { decision: act as 'request_changes' | 'decline', note };
        await call(api.decidePitch, { params: { slug, pitchId: p.id }, body });
        toast('Decision recorded.', 'success');
        await load();
      } catch (err) {
        showErrors(form, err);
      }
    });
    return h('li', {}, form);
  }

  function releaseForm(p: Pitch): HTMLElement {
    const due = p.milestones.filter((m) => !m.releasedAt);
    return h(
      'li',
      { class: 'proposal' },
      h('h3', {}, h('a', { href: `/pitches/${p.id}` }, p.title)),
      h(
        'p',
        { class: 'hint' },
        `${p.organisationName} · ${releasedText(p)} · deadline ${dateTimeText(p.deadline)}`,
      ),
      due.map((m) => {
        const id = `ev-${m.id}`;
        const form = h(
          'form',
          { novalidate: true, class: 'release-form' },
          h(
            'div',
            { class: 'form-group', 'data-field': 'evidence' },
            h(
              'label',
              { for: id },
              `Evidence for “${m.title}” (${penceText(m.amountPence)}; asked: ${m.evidencedBy})`,
            ),
            h('input', {
              id,
              type: 'text',
              name: 'evidence',
              placeholder: 'Link, reference or what you checked',
            }),
          ),
          h('button', { type: 'submit', class: 'button' }, `Release ${penceText(m.amountPence)}`),
        );
        form.addEventListener('submit', async (e) => {
          e.preventDefault();
          clearErrors(form);
          const evidence = form.querySelector<HTMLInputElement>('input')!.value.trim();
          try {
            if (evidence.length < 3)
              throw formProblems({ path: 'evidence', message: 'say what evidence you checked' });
            await call(api.releaseMilestone, {
              params: { slug, pitchId: p.id, milestoneId: m.id },
              body: { evidence },
            });
            toast(`${penceText(m.amountPence)} released.`, 'success');
            await load();
          } catch (err) {
            showErrors(form, err);
          }
        });
        return form;
      }),
    );
  }

  const load = () =>
    loadOrExplain(
      body,
      () =>
        Promise.all([
          call(api.listOrganisations, { params: { slug } }),
          call(api.listPitches, { params: { slug }, query: {} }),
        ]),
      ([orgs, pitches]) => {
        const pending = orgs.items.filter((o) => o.status === 'pending');
        const waiting = pitches.items.filter((p) => p.status === 'submitted');
        const running = pitches.items.filter((p) => p.status === 'approved');
        const list = (items: HTMLElement[], empty: string) =>
          items.length
            ? h('ul', { class: 'plain-list' }, items)
            : h('p', { class: 'empty-state' }, empty);
        replaceChildren(
          body,
          h('h2', {}, `Organisations to verify (${pending.length})`),
          list(pending.map(orgCard), 'No organisations waiting.'),
          h('h2', {}, `Pitches to decide (${waiting.length})`),
          list(waiting.map(decisionForm), 'No pitches waiting for a decision.'),
          h('h2', {}, `Running pitches (${running.length})`),
          list(running.map(releaseForm), 'No approved pitches running.'),
          h('h2', {}, 'Closed'),
          list(
            pitches.items
              .filter((p) => ['completed', 'failed', 'declined'].includes(p.status))
              .map((p) =>
                h(
                  'li',
                  {},
                  h('a', { href: `/pitches/${p.id}` }, p.title),
                  ` – ${STATUS_WORDS[p.status]}`,
                ),
              ),
            'Nothing closed yet.',
          ),
        );
      },
    );
  void load();
  return { el: h('section', {}, h('h1', {}, 'Community pitches'), body) };
}
