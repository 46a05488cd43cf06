/**
 * Post (or edit) a quest: click its place on the map, set the radius, fill in every field
 * of ZCreateQuestRequest, and watch the marker and the sheet preview update as you type.
 */
import {
  QUEST_RADIUS_MAX_M,
  QUEST_RADIUS_MIN_M,
  SUPERPOWER_INFO,
  SUPERPOWERS,
  ZCreateQuestRequest,
  ZUpdateQuestRequest,
  type Quest,
} from '@govcraft/shared';
import { loadMap, type MapController } from '../../map/bridge';
import { toMarker } from '../../map/markers';
import { isOnMap } from '../quest-filter';
import { quests as questsApi, storylines } from '../../net/endpoints';
import { issuesOf } from '../auth-page';
import { h, prefersReducedMotion, replaceChildren } from '../dom';
import { clearErrors, showErrors } from '../errors';
import { formFields, trackSuperpowerOrder } from '../form-fields';
import { toLocalInput } from '../propose-helpers';
import { timeLeftText } from '../format';
import { superpowerTag } from '../icons';
import { evidenceChecklist } from '../quest-sheet';
import { toast } from '../toast';
import type { ConsoleContext, Section } from './types';

const { input, textarea, checkbox } = formFields('f');

export function postQuestSection(ctx: ConsoleContext): Section {
  const editId = new URLSearchParams(location.search).get('edit');
  let map: MapController | null = null;
  const now = new Date();
  now.setMinutes(0, 0, 0);

  const form = h(
    'form',
    { novalidate: true, class: 'quest-form', 'aria-labelledby': 'post-title' },
    input(
      'title',
      'Title',
      { type: 'text', maxlength: 120 },
      'Say the problem in a few words, e.g. "Clear the graffiti in the Elm Road underpass".',
    ),
    textarea('problem', 'The problem', 'What is wrong, in plain words. Residents read this first.'),
    textarea('desiredOutcome', 'What done looks like', 'The result you want, not the method.'),
    h(
      'fieldset',
      { 'data-field': 'location' },
      h('legend', {}, 'Place'),
      h('p', { class: 'hint' }, 'Click the map to place the quest, or type the coordinates.'),
      h(
        'div',
        { class: 'two-col' },
        input('location.lat', 'Latitude', { type: 'number', step: 'any' }),
        input('location.lng', 'Longitude', { type: 'number', step: 'any' }),
      ),
      input(
        'location.radiusM',
        'Radius in metres',
        { type: 'number', min: QUEST_RADIUS_MIN_M, max: QUEST_RADIUS_MAX_M, value: 50 },
        'Residents must check in inside this circle.',
      ),
    ),
    h(
      'div',
      { class: 'two-col' },
      input('startsAt', 'Opens', { type: 'datetime-local', value: toLocalInput(now) }),
      input('endsAt', 'Closes', {
        type: 'datetime-local',
        value: toLocalInput(new Date(now.getTime() + 7 * 86_400_000)),
      }),
    ),
    input('xp', 'XP reward', { type: 'number', min: 5, max: 1000, value: 50 }),
    h(
      'fieldset',
      { class: 'form-group', 'data-field': 'superpowers' },
      h('legend', {}, 'Superpowers it trains (the first is the main one)'),
      SUPERPOWERS.map((s) =>
        checkbox(`sp-${s}`, `${SUPERPOWER_INFO[s].label} — ${SUPERPOWER_INFO[s].voice}`),
      ),
    ),
    h(
      'fieldset',
      { class: 'form-group', 'data-field': 'evidenceRules' },
      h('legend', {}, 'Evidence needed'),
      checkbox('ev-checkin', 'Check-in at the place', true),
      checkbox('ev-photo', 'Photo', true),
      checkbox('ev-text', 'Written note'),
      checkbox('ev-officer', 'Officer sign-off'),
      input('evidenceRules.attestations', 'Residents who must vouch', {
        type: 'number',
        min: 0,
        max: 10,
        value: 0,
      }),
    ),
    h(
      'div',
      { class: 'two-col' },
      input('teamSize', 'Team size (blank for solo)', { type: 'number', min: 2, max: 20 }),
      input('maxCompletions', 'Most completions (blank for no limit)', { type: 'number', min: 1 }),
    ),
    h(
      'div',
      { class: 'form-group', 'data-field': 'storylineId' },
      h('label', { for: 'f-storylineId' }, 'Storyline'),
      h('select', { id: 'f-storylineId', name: 'storylineId' }, h('option', { value: '' }, 'None')),
    ),
    editId ? null : checkbox('publish', 'Publish now (residents see it straight away)', true),
    h('button', { type: 'submit', class: 'button' }, editId ? 'Save changes' : 'Post quest'),
  );

  const val = (name: string) =>
    (form.querySelector<HTMLInputElement>(`[name="${name}"]`)?.value ?? '').trim();
  const checked = (name: string) =>
    form.querySelector<HTMLInputElement>(`[name="${name}"]`)?.checked ?? false;
  const numOrNull = (name: string) => (val(name) === '' ? null : Number(val(name)));
  const setVal = (name: string, v: string | number) => {
    const el = form.querySelector<HTMLInputElement | HTMLSelectElement>(`[name="${name}"]`);
    if (el) el.value = String(v);
  };
  const setChecked = (name: string, on: boolean) => {
    const el = form.querySelector<HTMLInputElement>(`[name="${name}"]`);
    if (el) el.checked = on;
  };

  const superpowerOrder = trackSuperpowerOrder(form);

  function draft() {
    const iso = (v: string) => (v ? new Date(v).toISOString() : '');
    return {
      title: val('title'),
      problem: val('problem'),
      desiredOutcome: val('desiredOutcome'),
      location: {
        lat: numOrNull('location.lat') ?? NaN,
        lng: numOrNull('location.lng') ?? NaN,
        radiusM: Number(val('location.radiusM')),
      },
      startsAt: iso(val('startsAt')),
      endsAt: iso(val('endsAt')),
      xp: Number(val('xp')),
      superpowers: superpowerOrder.current(),
      evidenceRules: {
        checkin: checked('ev-checkin'),
        photo: checked('ev-photo'),
        text: checked('ev-text'),
        officerSignOff: checked('ev-officer'),
        attestations: Number(val('evidenceRules.attestations') || 0),
      },
      teamSize: numOrNull('teamSize'),
      maxCompletions: numOrNull('maxCompletions'),
      storylineId: val('storylineId') || null,
      ...(editId ? {} : { publish: checked('publish') }),
    };
  }

  const previewCard = h('div', { class: 'preview-card', 'aria-live': 'polite' });
  function preview() {
    const d = draft();
    const main = d.superpowers[0] ?? 'epic_meaning';
    const placed = Number.isFinite(d.location.lat) && Number.isFinite(d.location.lng);
    map?.setPreview(
      placed
        ? {
            lat: d.location.lat,
            lng: d.location.lng,
            radiusM: d.location.radiusM || 50,
            superpower: main,
          }
        : null,
    );
    replaceChildren(
      previewCard,
      h('p', { class: 'hint' }, 'Preview: what residents will see'),
      h('h3', {}, d.title || 'Your quest title'),
      h('div', { class: 'sp-tags' }, d.superpowers.map(superpowerTag)),
      h(
        'p',
        {},
        h('strong', {}, `${Number.isFinite(d.xp) ? d.xp : 0} XP`),
        ' · ',
        d.startsAt && d.endsAt ? timeLeftText(d.startsAt, d.endsAt, Date.now()) : '',
      ),
      h('p', { class: 'prose' }, d.problem || 'The problem goes here.'),
      evidenceChecklist({
        evidenceRules: d.evidenceRules,
        location: { ...d.location, radiusM: d.location.radiusM || 50 },
      } as Quest),
      placed ? null : h('p', { class: 'hint' }, 'Click the map to place it.'),
    );
  }
  form.addEventListener('input', preview);
  form.addEventListener('change', preview);

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    const d = draft();
    const parsed = editId ? ZUpdateQuestRequest.safeParse(d) : ZCreateQuestRequest.safeParse(d);
    if (!parsed.success) {
      const err = issuesOf(parsed.error);
      for (const i of err.issues)
        if (i.path === 'location.lat' || i.path === 'location.lng')
          i.message = 'click the map to place the quest, or type its coordinates';
      return showErrors(form, err);
    }
    const button = form.querySelector<HTMLButtonElement>('button[type="submit"]')!;
    button.disabled = true;
    try {
      const q = editId
        ? await questsApi.update(editId, parsed.data as Parameters<typeof questsApi.update>[1])
        : await questsApi.create(
            ctx.area.slug,
            parsed.data as Parameters<typeof questsApi.create>[1],
          );
      toast(
        editId
          ? 'Quest saved.'
          : `Quest posted${q.status === 'draft' ? ' as a draft' : ''}: ${q.title}`,
        'success',
      );
      ctx.navigate('/console/quests');
    } catch (err) {
      button.disabled = false;
      showErrors(form, err);
    }
  });

  const mapBox = h('div', { class: 'map-canvas', 'data-map-ready': 'false' });
  const mapWrap = h('div', { class: 'console-map' }, mapBox);
  loadMap({
    container: mapBox,
    area: ctx.area,
    mapUrl: `/api/areas/${encodeURIComponent(ctx.area.slug)}/map`,
    reducedMotion: prefersReducedMotion(),
    callbacks: {
      onMarkerSelect: () => undefined,
      onMapClick: (p) => {
        setVal('location.lat', p.lat.toFixed(6));
        setVal('location.lng', p.lng.toFixed(6));
        preview();
      },
    },
  }).then(
    (m) => {
      map = m;
      (window as unknown as { govcraftMap?: MapController }).govcraftMap = m;
      preview();
      // Existing quests on the map help officers avoid posting the same problem twice.
      questsApi.list(ctx.area.slug).then(
        (page) =>
          m.setMarkers(page.items.filter((q) => isOnMap(q) && q.id !== editId).map(toMarker)),
        () => undefined,
      );
    },
    (err: unknown) => console.error('map failed', err),
  );

  storylines.list(ctx.area.slug).then(
    (r) => {
      const select = form.querySelector<HTMLSelectElement>('[name="storylineId"]')!;
      for (const s of r.items) select.append(h('option', { value: s.id }, s.title));
    },
    () => undefined,
  );

  if (editId) {
    questsApi.get(editId).then(
      (q) => {
        setVal('title', q.title);
        setVal('problem', q.problem);
        setVal('desiredOutcome', q.desiredOutcome);
        setVal('location.lat', q.location.lat);
        setVal('location.lng', q.location.lng);
        setVal('location.radiusM', q.location.radiusM);
        setVal('startsAt', toLocalInput(new Date(q.startsAt)));
        setVal('endsAt', toLocalInput(new Date(q.endsAt)));
        setVal('xp', q.xp);
        superpowerOrder.reset(q.superpowers);
        for (const s of SUPERPOWERS) setChecked(`sp-${s}`, q.superpowers.includes(s));
        setChecked('ev-checkin', q.evidenceRules.checkin);
        setChecked('ev-photo', q.evidenceRules.photo);
        setChecked('ev-text', q.evidenceRules.text);
        setChecked('ev-officer', q.evidenceRules.officerSignOff);
        setVal('evidenceRules.attestations', q.evidenceRules.attestations);
        setVal('teamSize', q.teamSize ?? '');
        setVal('maxCompletions', q.maxCompletions ?? '');
        setVal('storylineId', q.storylineId ?? '');
        preview();
      },
      (err: unknown) => showErrors(form, err),
    );
  }
  preview();

  const el = h(
    'section',
    { class: 'console-section' },
    h('h1', { id: 'post-title' }, editId ? 'Edit quest' : 'Post a quest'),
    h('div', { class: 'post-quest' }, h('div', { class: 'post-map' }, mapWrap, previewCard), form),
  );
  return { el, destroy: () => map?.destroy() };
}
