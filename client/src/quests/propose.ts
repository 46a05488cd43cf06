/**
 * Propose a quest: a resident describes a local problem, where it is and when it could
 * run. An officer decides whether it becomes a quest. Fields follow ZProposeQuestRequest.
 */
import {
  QUEST_RADIUS_MAX_M,
  QUEST_RADIUS_MIN_M,
  questsContracts,
  ZProposeQuestRequest,
} from '@govcraft/shared';
import type { AppContext, View } from '../app/context';
import { requireSignIn } from '../auth/sign-in';
import { call } from '../net/call';
import { h, replaceChildren } from '../ui/dom';
import { formFields, formValues, trackSuperpowerOrder } from '../ui/form-fields';
import { locateOnce } from '../ui/locate';
import { clearErrors, issuesOf, showErrors } from '../ui/errors';
import { bboxCentre, localInputToIso, plainIssue, toLocalInput } from './form-values';

const { input, textarea, checkbox, fieldset, superpowers } = formFields('p');

export function proposeView(ctx: AppContext, onBack: () => void): View {
  const area = ctx.store.state.area;
  const centre = area ? bboxCentre(area.bbox) : { lat: 0, lng: 0 };
  const start = new Date();
  start.setHours(start.getHours() + 24, 0, 0, 0);
  const end = new Date(start.getTime() + 14 * 86_400_000);

  const el = h('section', {
    class: 'panel-section propose',
    'aria-labelledby': 'propose-title',
  });
  const back = h(
    'button',
    { type: 'button', class: 'link-button back', onClick: onBack },
    '← All quests',
  );
  const heading = h('h2', { id: 'propose-title', tabindex: -1 }, 'Propose a quest');

  const reason = 'to suggest a quest to your council.';
  if (!requireSignIn(ctx.store.state.me, el, { reason }, back, heading)) return { el };

  const locationNote = h('p', { class: 'hint', 'aria-live': 'polite' });
  const useMyLocation = h(
    'button',
    { type: 'button', class: 'button secondary', id: 'p-use-location' },
    'Use my location',
  );

  const form = h(
    'form',
    { novalidate: true, class: 'quest-form propose-form', 'aria-labelledby': 'propose-title' },
    input(
      'title',
      'Title',
      { type: 'text', maxlength: 120, autocomplete: 'off' },
      'The problem in a few words, for example "Clear the litter on Mill Lane".',
    ),
    textarea('problem', 'The problem', 'What is wrong and who it affects, in plain words.', {
      rows: 4,
      maxlength: 2000,
    }),
    textarea(
      'desiredOutcome',
      'What done looks like',
      'What the place would look like once the quest is done.',
      { rows: 4, maxlength: 2000 },
    ),
    h(
      'fieldset',
      { class: 'form-group', 'data-field': 'location' },
      h('legend', {}, 'Where it is'),
      h(
        'p',
        { class: 'hint' },
        `We filled in the middle of ${area?.name ?? 'your area'}. Stand at the spot and choose "Use my location", or type the coordinates.`,
      ),
      useMyLocation,
      locationNote,
      h(
        'div',
        { class: 'two-col' },
        input('location.lat', 'Latitude', { type: 'number', step: 'any', value: centre.lat }),
        input('location.lng', 'Longitude', { type: 'number', step: 'any', value: centre.lng }),
      ),
      input(
        'location.radiusM',
        'Radius in metres',
        {
          type: 'number',
          min: QUEST_RADIUS_MIN_M,
          max: QUEST_RADIUS_MAX_M,
          value: 100,
          inputmode: 'numeric',
        },
        `How far from the spot people can check in, ${QUEST_RADIUS_MIN_M} to ${QUEST_RADIUS_MAX_M}.`,
      ),
    ),
    h(
      'div',
      { class: 'two-col' },
      input('startsAt', 'Could start', { type: 'datetime-local', value: toLocalInput(start) }),
      input('endsAt', 'Could end', { type: 'datetime-local', value: toLocalInput(end) }),
    ),
    superpowers('Superpowers it would train (choose 1 to 4)'),
    fieldset(
      'evidenceRules',
      'How people could show they did it',
      checkbox('ev-checkin', 'Check in at the spot', true),
      checkbox('ev-photo', 'A photo of the result', true),
      checkbox('ev-text', 'A short note'),
      checkbox('ev-attest', 'A neighbour vouches for them'),
    ),
    input(
      'teamSize',
      'Team size (optional)',
      { type: 'number', min: 2, max: 20, inputmode: 'numeric' },
      'Leave blank if one person can do it alone.',
    ),
    h('button', { type: 'submit', class: 'button' }, 'Send your idea'),
  );

  const { field, text: val, checked } = formValues(form);
  const num = (name: string) => (val(name) === '' ? NaN : Number(val(name)));

  useMyLocation.addEventListener('click', () =>
    locateOnce(useMyLocation, locationNote, {
      unsupported: "Your browser can't share its location. Type the coordinates.",
      maximumAge: 60_000,
      found: (pos) => {
        field('location.lat')!.value = pos.coords.latitude.toFixed(6);
        field('location.lng')!.value = pos.coords.longitude.toFixed(6);
        locationNote.textContent = `We used where you are now (accurate to ${Math.round(pos.coords.accuracy)} m). We only use it for this idea.`;
      },
      failed: () => {
        locationNote.textContent =
          'We could not get your location. Check that location is allowed for this site, or type the coordinates.';
      },
    }),
  );

  const superpowerOrder = trackSuperpowerOrder(form);

  function draft() {
    return {
      title: val('title'),
      problem: val('problem'),
      desiredOutcome: val('desiredOutcome'),
      location: {
        lat: num('location.lat'),
        lng: num('location.lng'),
        radiusM: num('location.radiusM'),
      },
      startsAt: localInputToIso(val('startsAt')),
      endsAt: localInputToIso(val('endsAt')),
      superpowers: superpowerOrder.current(),
      evidenceRules: {
        checkin: checked('ev-checkin'),
        photo: checked('ev-photo'),
        text: checked('ev-text'),
        attestations: checked('ev-attest') ? 1 : 0,
        officerSignOff: false,
      },
      teamSize: val('teamSize') === '' ? null : num('teamSize'),
    };
  }

  const thanks = h('div', { class: 'propose-thanks', role: 'status', 'aria-live': 'polite' });

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    const parsed = ZProposeQuestRequest.safeParse(draft());
    if (!parsed.success) {
      const err = issuesOf(parsed.error);
      for (const i of err.issues) i.message = plainIssue(i.path, i.message);
      return showErrors(form, err);
    }
    const button = form.querySelector<HTMLButtonElement>('button[type="submit"]')!;
    button.disabled = true;
    button.textContent = 'Sending…';
    try {
      const q = await call(questsContracts.proposeQuest, {
        params: { slug: ctx.slug },
        body: parsed.data,
      });
      form.hidden = true;
      replaceChildren(
        thanks,
        h('h3', {}, 'Thanks — an officer will look at your idea'),
        h(
          'p',
          {},
          `We sent "${q.title}" to ${area?.name ?? 'your council'}. If they turn it into a quest, it appears on the map and in the List.`,
        ),
        h(
          'button',
          { type: 'button', class: 'button secondary', onClick: onBack },
          'Back to quests',
        ),
      );
      thanks.querySelector('h3')?.setAttribute('tabindex', '-1');
      thanks.querySelector<HTMLElement>('h3')?.focus();
    } catch (err) {
      button.disabled = false;
      button.textContent = 'Send your idea';
      showErrors(form, err);
    }
  });

  replaceChildren(
    el,
    back,
    heading,
    h(
      'p',
      {},
      'Know a problem nearby? Describe it here. An officer reads every idea and may turn it into a quest for everyone.',
    ),
    form,
    thanks,
  );
  queueMicrotask(() => heading.focus());
  return { el };
}
