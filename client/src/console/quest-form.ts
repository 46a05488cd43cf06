/**
 * The officer's quest form: every field of ZCreateQuestRequest (ZUpdateQuestRequest when
 * editing), how a draft is read from it, and how an existing quest fills it in.
 */
import {
  QUEST_RADIUS_MAX_M,
  QUEST_RADIUS_MIN_M,
  SUPERPOWER_INFO,
  SUPERPOWERS,
  type Quest,
} from '@govcraft/shared';
import { toLocalInput } from '../quests/form-values';
import { h } from '../ui/dom';
import { formFields, formValues, trackSuperpowerOrder } from '../ui/form-fields';

const { input, textarea, checkbox, fieldset, superpowers } = formFields('f');

export interface QuestForm {
  form: HTMLFormElement;
  /** What the form says now, in the request's shape (not yet validated). */
  draft(): ReturnType<typeof readDraft>;
  /** Fills the form with a quest being edited. */
  fill(q: Quest): void;
}

/** `editId` set: the form edits that quest (no "publish now"; the button saves). */
export function questForm(editId: string | null): QuestForm {
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
    superpowers(
      'Superpowers it trains (the first is the main one)',
      (s) => `${SUPERPOWER_INFO[s].label} — ${SUPERPOWER_INFO[s].voice}`,
    ),
    fieldset(
      'evidenceRules',
      'Evidence needed',
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
  const superpowerOrder = trackSuperpowerOrder(form);
  const values = formValues(form);

  function fill(q: Quest) {
    const { set, setChecked } = values;
    set('title', q.title);
    set('problem', q.problem);
    set('desiredOutcome', q.desiredOutcome);
    set('location.lat', q.location.lat);
    set('location.lng', q.location.lng);
    set('location.radiusM', q.location.radiusM);
    set('startsAt', toLocalInput(new Date(q.startsAt)));
    set('endsAt', toLocalInput(new Date(q.endsAt)));
    set('xp', q.xp);
    superpowerOrder.reset(q.superpowers);
    for (const s of SUPERPOWERS) setChecked(`sp-${s}`, q.superpowers.includes(s));
    setChecked('ev-checkin', q.evidenceRules.checkin);
    setChecked('ev-photo', q.evidenceRules.photo);
    setChecked('ev-text', q.evidenceRules.text);
    setChecked('ev-officer', q.evidenceRules.officerSignOff);
    set('evidenceRules.attestations', q.evidenceRules.attestations);
    set('teamSize', q.teamSize ?? '');
    set('maxCompletions', q.maxCompletions ?? '');
    set('storylineId', q.storylineId ?? '');
  }

  return { form, draft: () => readDraft(values, superpowerOrder.current(), editId), fill };
}

function readDraft(
  { text, checked }: ReturnType<typeof formValues>,
  superpowers: Quest['superpowers'],
  editId: string | null,
) {
  const numOrNull = (name: string) => (text(name) === '' ? null : Number(text(name)));
  const iso = (v: string) => (v ? new Date(v).toISOString() : '');
  return {
    title: text('title'),
    problem: text('problem'),
    desiredOutcome: text('desiredOutcome'),
    location: {
      lat: numOrNull('location.lat') ?? NaN,
      lng: numOrNull('location.lng') ?? NaN,
      radiusM: Number(text('location.radiusM')),
    },
    startsAt: iso(text('startsAt')),
    endsAt: iso(text('endsAt')),
    xp: Number(text('xp')),
    superpowers,
    evidenceRules: {
      checkin: checked('ev-checkin'),
      photo: checked('ev-photo'),
      text: checked('ev-text'),
      officerSignOff: checked('ev-officer'),
      attestations: Number(text('evidenceRules.attestations') || 0),
    },
    teamSize: numOrNull('teamSize'),
    maxCompletions: numOrNull('maxCompletions'),
    storylineId: text('storylineId') || null,
    ...(editId ? {} : { publish: checked('publish') }),
  };
}
