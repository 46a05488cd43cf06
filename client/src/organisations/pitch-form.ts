/**
 * /pitches/new and /pitches/<id>/edit, for organisation members: which organisation, what
 * it will do, the outcome it will evidence, the budget, the deadline and the milestones.
 * The running total of the milestones is announced as it changes; the shared schema checks
 * the form before sending, so problems read like the server's.
 */
import {
  ZUpdatePitchRequest,
  organisationsContracts as api,
  type Organisation,
  type Pitch,
} from '@govcraft/shared';
import { requireSignIn } from '../auth/sign-in';
import { call } from '../net/call';
import { h, replaceChildren } from '../ui/dom';
import { clearErrors, issuesOf, showErrors } from '../ui/errors';
import type { CommunityContext } from './context';
import { milestoneRows } from './milestone-rows';
import { createOrganisationForm, joinOrganisationForm } from './org-forms';
import { penceText, poundsToPence } from './words';

const group = (name: string, label: string, control: HTMLElement, hint?: string) =>
  h(
    'div',
    { class: 'form-group', 'data-field': name },
    h('label', { for: control.id }, label),
    hint ? h('p', { class: 'hint' }, hint) : null,
    control,
  );

const input = (id: string, attrs: Record<string, string | number | boolean> = {}) =>
  h('input', { id, type: 'text', name: id.replace(/^pf-/, ''), ...attrs });

function pitchForm(ctx: CommunityContext, orgs: Organisation[], pitch: Pitch | null): HTMLElement {
  const [minLng, minLat, maxLng, maxLat] = ctx.area.bbox;
  const loc = pitch?.location ?? {
    lat: (minLat + maxLat) / 2,
    lng: (minLng + maxLng) / 2,
    radiusM: 150,
  };
  const rows = milestoneRows(pitch?.milestones ?? []);
  const orgSelect = h(
    'select',
    { id: 'pf-organisationId', name: 'organisationId', disabled: !!pitch },
    orgs.map((o) => h('option', { value: o.id, selected: o.id === pitch?.organisationId }, o.name)),
  );
  const form = h(
    'form',
    { novalidate: true, class: 'pitch-form', 'aria-labelledby': 'pf-h' },
    h('h2', { id: 'pf-h' }, pitch ? 'Edit the pitch' : 'Pitch to run a quest or a service'),
    group('organisationId', 'Organisation', orgSelect),
    group('title', 'Title', input('pf-title', { value: pitch?.title ?? '' })),
    group(
      'summary',
      'What you will do',
      h('textarea', { id: 'pf-summary', name: 'summary', rows: 4 }, pitch?.summary ?? ''),
    ),
    group(
      'outcome',
      'The outcome you will evidence',
      h('textarea', { id: 'pf-outcome', name: 'outcome', rows: 3 }, pitch?.outcome ?? ''),
      'Something an officer can check: photos, a survey, attendance.',
    ),
    group(
      'budgetPence',
      'Budget asked (£)',
      input('pf-budget', {
        inputmode: 'decimal',
        value: pitch ? (pitch.budgetPence / 100).toFixed(2) : '',
      }),
    ),
    group(
      'deadline',
      'Deadline for the outcome',
      input('pf-deadline', { type: 'date', value: pitch ? pitch.deadline.slice(0, 10) : '' }),
    ),
    h(
      'fieldset',
      { class: 'form-group', 'data-field': 'location' },
      h('legend', {}, 'Where (the quest’s spot on the map)'),
      group(
        'location.lat',
        'Latitude',
        input('pf-lat', { inputmode: 'decimal', value: loc.lat.toFixed(6) }),
      ),
      group(
        'location.lng',
        'Longitude',
        input('pf-lng', { inputmode: 'decimal', value: loc.lng.toFixed(6) }),
      ),
      group(
        'location.radiusM',
        'Radius (metres)',
        input('pf-radius', { inputmode: 'numeric', value: loc.radiusM }),
      ),
    ),
    rows.el,
    h('button', { type: 'submit', class: 'button' }, pitch ? 'Save the draft' : 'Save as a draft'),
  );
  const budgetInput = form.querySelector<HTMLInputElement>('#pf-budget')!;
  budgetInput.addEventListener('input', () => rows.setBudget(poundsToPence(budgetInput.value)));
  rows.setBudget(poundsToPence(budgetInput.value));

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    const v = (id: string) => form.querySelector<HTMLInputElement>(`#${id}`)!.value.trim();
    const day = v('pf-deadline');
    const body = {
      title: v('pf-title'),
      summary: v('pf-summary'),
      outcome: v('pf-outcome'),
      budgetPence: poundsToPence(v('pf-budget')) ?? Number.NaN,
      // The end of the chosen day, so "by the 30th" includes the 30th.
      deadline: day ? new Date(`${day}T23:59:00`).toISOString() : '',
      location: {
        lat: Number(v('pf-lat')),
        lng: Number(v('pf-lng')),
        radiusM: Number(v('pf-radius')),
      },
      milestones: rows.values(),
    };
    const parsed = ZUpdatePitchRequest.safeParse(body);
    if (!parsed.success) return showErrors(form, issuesOf(parsed.error));
    try {
      const saved = pitch
        ? await call(api.updatePitch, { params: { pitchId: pitch.id }, body: parsed.data })
        : await call(api.createPitch, {
            params: { slug: ctx.area.slug },
            body: { ...parsed.data, organisationId: orgSelect.value },
          });
      location.assign(`/pitches/${saved.id}`);
    } catch (err) {
      showErrors(form, err);
    }
  });
  return form;
}

export async function pitchFormView(
  main: HTMLElement,
  ctx: CommunityContext,
  pitchId: string | null,
) {
  document.title = `${pitchId ? 'Edit pitch' : 'New pitch'} – GovCraft`;
  const back = h('p', {}, h('a', { href: '/pitches' }, '← All pitches'));
  const heading = h('h1', {}, 'Your organisation’s pitch');
  if (!requireSignIn(ctx.me, main, { reason: 'to pitch for your organisation.' }, back, heading))
    return;
  const render = async () => {
    const [mine, pitch] = await Promise.all([
      call(api.listMyOrganisations, { params: { slug: ctx.area.slug } }),
      pitchId ? call(api.getPitch, { params: { pitchId } }) : Promise.resolve(null),
    ]);
    const verified = mine.items.filter((o) => o.status === 'verified');
    replaceChildren(
      main,
      back,
      heading,
      h('h2', {}, 'Your organisations'),
      mine.items.length
        ? h(
            'ul',
            {},
            mine.items.map((o) =>
              h(
                'li',
                {},
                h('a', { href: `/organisations/${o.id}` }, o.name),
                o.status === 'verified' ? ' (verified)' : ' (awaiting verification)',
              ),
            ),
          )
        : h('p', { class: 'hint' }, 'You are not in an organisation yet.'),
      h(
        'details',
        {},
        h('summary', {}, 'Start or join an organisation'),
        createOrganisationForm(ctx, () => void render()),
        joinOrganisationForm(() => void render()),
      ),
      mine.items.length ? pitchForm(ctx, mine.items, pitch) : null,
      mine.items.length && !verified.length
        ? h(
            'p',
            { class: 'hint' },
            'You can draft now; the pitch goes to the council once an officer has verified your organisation.',
          )
        : null,
      pitch
        ? h('p', { class: 'hint' }, `Budget asked so far: ${penceText(pitch.budgetPence)}`)
        : null,
    );
  };
  await render();
}
