/**
 * Post (or edit) a quest: click its place on the map, set the radius, fill in every field
 * of ZCreateQuestRequest, and watch the marker and the sheet preview update as you type.
 */
import {
  areasContracts,
  questsContracts,
  storylinesContracts,
  ZCreateQuestRequest,
  ZUpdateQuestRequest,
  type CreateQuestRequest,
  type Quest,
  type UpdateQuestRequest,
} from '@govcraft/shared';
import { loadMap, type MapController } from '../map/bridge';
import { toMarker } from '../map/markers';
import { isOnMap } from '../quests/quest-filter';
import { call, urlOf } from '../net/call';
import { listAreaQuests } from '../quests/api';
import { h, prefersReducedMotion, replaceChildren } from '../ui/dom';
import { clearErrors, issuesOf, showErrors } from '../ui/errors';
import { formValues } from '../ui/form-fields';
import { timeLeftText } from '../ui/format';
import { superpowerTag } from '../ui/icons';
import { evidenceChecklist } from '../evidence/evidence-checklist';
import { toast } from '../ui/toast';
import { questForm } from './quest-form';
import type { ConsoleContext, Section } from './types';

export function postQuestSection(ctx: ConsoleContext): Section {
  const editId = new URLSearchParams(location.search).get('edit');
  let map: MapController | null = null;
  const { form, draft, fill } = questForm(editId);
  const setVal = formValues(form).set;

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
      h('h2', { class: 'preview-title' }, d.title || 'Your quest title'),
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
        ? await call(questsContracts.updateQuest, {
            params: { questId: editId },
            body: parsed.data as UpdateQuestRequest,
          })
        : await call(questsContracts.createQuest, {
            params: { slug: ctx.area.slug },
            body: parsed.data as CreateQuestRequest,
          });
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
    mapUrl: urlOf(areasContracts.getAreaMap, { params: { slug: ctx.area.slug } }),
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
      listAreaQuests(ctx.area.slug).then(
        (page) =>
          m.setMarkers(page.items.filter((q) => isOnMap(q) && q.id !== editId).map(toMarker)),
        () => undefined,
      );
    },
    (err: unknown) => console.error('map failed', err),
  );

  call(storylinesContracts.listStorylines, { params: { slug: ctx.area.slug } }).then(
    (r) => {
      const select = form.querySelector<HTMLSelectElement>('[name="storylineId"]')!;
      for (const s of r.items) select.append(h('option', { value: s.id }, s.title));
    },
    () => undefined,
  );

  if (editId) {
    call(questsContracts.getQuest, { params: { questId: editId } }).then(
      (q) => {
        fill(q);
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
