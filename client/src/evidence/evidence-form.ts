/**
 * Evidence, step by step: check in (distance to the spot and accuracy), a photo with a
 * preview and an upload progress bar, a note; then a live status card fed by
 * `evidence:status` that explains each check.
 */
import {
  evidenceContracts,
  missingParts,
  type Checkin,
  type EvidencePart,
  type EvidenceStatusEvent,
  type Quest,
} from '@govcraft/shared';
import type { AppContext, View } from '../app/context';
import { call } from '../net/call';
import { h, meter, replaceChildren, uid } from '../ui/dom';
import { clearErrors, formProblems, showErrors } from '../ui/errors';
import { locateOnce } from '../ui/locate';
import { statusCard } from './status-card';
import { adviseCheckin, photoAdviceView } from './advice-view';
import { secondFix } from './confirming-fix';
import { ApiError } from '../net/api';
import { holdForLater } from '../offline/hold';

/** How many times an evidence held back by an outage is sent again without a tap. */
const MAX_AUTOMATIC_RETRIES = 5;

/** The shared rule decides what is missing; residents read what to do about it. */
const WHAT_TO_DO: Record<EvidencePart, string> = {
  checkin: 'Check in at the spot first',
  photo: 'Choose a photo of the result',
  text: 'Write a short note about what you did',
};

const noteKey = (questId: string) => `govcraft:evidence-note:${questId}`;

export function evidenceFormView(ctx: AppContext, quest: Quest): View {
  const rules = quest.evidenceRules;
  let checkin: Checkin | null = null;
  /** False while the last check-in could not pass: it is held back, not sent to be rejected. */
  let checkinCanPass = true;
  let photo: File | null = null;
  let previewUrl: string | null = null;
  const cleanups: (() => void)[] = [];

  const form = h('form', {
    class: 'evidence-form',
    novalidate: true,
    'aria-labelledby': 'evidence-title',
  });
  const steps = h('ol', { class: 'steps' });

  // Step: check in
  const checkinInfo = h('p', { class: 'checkin-info', 'aria-live': 'polite' });
  const checkinButton = h(
    'button',
    { type: 'button', class: 'button secondary', id: 'checkin-button' },
    'Check in here',
  );
  checkinButton.addEventListener('click', () =>
    locateOnce(checkinButton, checkinInfo, {
      unsupported:
        "Your browser can't share its location. Ask an officer to sign this quest off instead.",
      maximumAge: 0,
      found: checkedIn,
      failed: (err) => {
        checkinInfo.textContent =
          err.code === err.PERMISSION_DENIED
            ? 'Location is turned off for GovCraft. Allow it in your browser settings, then check in again.'
            : "We couldn't find your location. Step outside or wait a moment, then try again.";
        checkinInfo.className = 'checkin-info warn';
      },
    }),
  );
  if (rules.checkin)
    steps.append(
      h(
        'li',
        { class: 'form-group', 'data-field': 'checkin' },
        h('h4', {}, 'Check in at the spot'),
        h(
          'p',
          { class: 'hint' },
          `Stand within ${quest.location.radiusM} m of the marker, then check in. We use your location once, for this quest.`,
        ),
        checkinButton,
        checkinInfo,
      ),
    );

  function checkedIn(pos: GeolocationPosition) {
    checkinButton.textContent = 'Check in again';
    const here = { lat: pos.coords.latitude, lng: pos.coords.longitude };
    const accuracyM = Math.max(0, Math.round(pos.coords.accuracy));
    const taken: Checkin = { ...here, accuracyM, deviceTime: new Date().toISOString() };
    checkin = taken;
    void secondFix().then((fix) => {
      if (fix && checkin === taken) checkin = { ...taken, confirmingFix: fix };
    });
    ctx.store.set('position', { ...here, accuracyM });
    checkinCanPass = adviseCheckin(quest, { ...here, accuracyM }, checkinInfo).canSend;
  }

  // Step: photo
  const photoId = uid('photo');
  const preview = h('div', { class: 'photo-preview' });
  const photoInput = h('input', {
    type: 'file',
    id: photoId,
    name: 'photo',
    accept: 'image/jpeg,image/png,image/webp,image/heic',
  });
  const photoAdvice = photoAdviceView(quest, () => {
    photoInput.setAttribute('capture', 'environment');
    photoInput.click();
  });
  photoInput.addEventListener('change', () => {
    photo = photoInput.files?.[0] ?? null;
    void photoAdvice.show(photo);
    if (previewUrl) URL.revokeObjectURL(previewUrl);
    previewUrl = photo ? URL.createObjectURL(photo) : null;
    replaceChildren(
      preview,
      previewUrl ? h('img', { src: previewUrl, alt: 'Your photo, ready to send' }) : null,
    );
  });
  if (rules.photo)
    steps.append(
      h(
        'li',
        { class: 'form-group', 'data-field': 'photo' },
        h('h4', {}, 'Add a photo'),
        h('label', { for: photoId }, 'Photo of the result (take one or choose a file)'),
        photoInput,
        preview,
        photoAdvice.el,
      ),
    );

  // Step: note (always allowed; required when the quest asks for it)
  const noteId = uid('note');
  const note = h('textarea', {
    id: noteId,
    name: 'text',
    rows: 3,
    maxlength: 2000,
  }) as HTMLTextAreaElement;
  note.value = sessionStorage.getItem(noteKey(quest.id)) ?? '';
  note.addEventListener('input', () => sessionStorage.setItem(noteKey(quest.id), note.value));
  steps.append(
    h(
      'li',
      { class: 'form-group', 'data-field': 'text' },
      h('h4', {}, rules.text ? 'Add a note' : 'Add a note (optional)'),
      h('label', { for: noteId }, 'What did you do?'),
      note,
    ),
  );

  const progressSlot = h('div', { class: 'upload-progress' });
  const sendButton = h('button', { type: 'submit', class: 'button' }, 'Send evidence');
  const result = h('div', { class: 'evidence-result' });
  form.append(
    h('h3', { id: 'evidence-title' }, 'Send your evidence'),
    steps,
    progressSlot,
    sendButton,
  );

  // Status events can beat the HTTP reply, so they are buffered until the id is known.
  const seen = new Map<string, EvidenceStatusEvent>();
  let card: ReturnType<typeof statusCard> | null = null;
  let currentEvidenceId: string | null = null;
  cleanups.push(
    ctx.realtime.on('evidence:status', (e) => {
      if (e.questId !== quest.id) return;
      seen.set(e.evidenceId, e);
      if (e.evidenceId === currentEvidenceId) card?.update(e);
    }),
  );

  // An outage or a dropped connection keeps the evidence in the form and sends it again by
  // itself, after the wait the server asked for (or a growing one), a few times at most.
  let retries = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  function retryLater(err: ApiError) {
    const seconds = err.retryAfterSeconds ?? Math.min(60, 5 * 2 ** retries);
    retries += 1;
    progressSlot.textContent = `Not sent yet: ${err.message} We'll try again in ${seconds} seconds.`;
    retryTimer = setTimeout(() => void send(), seconds * 1000);
  }

  /** No connection: the evidence waits in the offline queue, which survives a reload. */
  async function hold() {
    sendButton.disabled = true;
    progressSlot.textContent = await holdForLater(quest, { checkin, photo, text: note.value });
    sessionStorage.removeItem(noteKey(quest.id));
  }

  async function send() {
    clearErrors(form);
    const problems = missingParts(
      rules,
      { checkin: checkin !== null, photo: photo !== null, text: note.value.trim() !== '' },
      WHAT_TO_DO,
    );
    if (problems.length) {
      showErrors(form, formProblems(...problems));
      return;
    }
    if (checkin && !checkinCanPass) {
      const message = `Your check-in is outside the quest area. ${checkinInfo.textContent ?? ''}`;
      showErrors(form, formProblems({ path: 'checkin', message }));
      return;
    }
    if (!navigator.onLine) return hold();
    sendButton.disabled = true;
    sendButton.textContent = 'Sending…';
    const bar = meter('Upload progress', 0, 100);
    replaceChildren(
      progressSlot,
      h('p', { class: 'hint' }, photo ? 'Uploading your photo…' : 'Sending…'),
      bar,
    );
    try {
      const text = note.value.trim();
      const reply = await call(evidenceContracts.submitEvidence, {
        params: { questId: quest.id },
        body: { checkin: checkin ? JSON.stringify(checkin) : undefined, text: text || undefined },
        files: { photo: photo ? new File([photo], 'photo.jpg', { type: photo.type }) : null },
        onProgress: (p) => {
          const pct = Math.round((p.loaded / Math.max(1, p.total)) * 100);
          bar.setAttribute('aria-valuenow', String(pct));
          (bar.firstElementChild as HTMLElement).style.width = `${pct}%`;
        },
      });
      sessionStorage.removeItem(noteKey(quest.id));
      retries = 0;
      currentEvidenceId = reply.evidenceId;
      ctx.store.state.mine.set(quest.id, 'submitted');
      ctx.store.changed('mine');
      card = statusCard(
        reply.evidenceId,
        () => {
          replaceChildren(result);
          form.hidden = false;
          sendButton.disabled = false;
          sendButton.textContent = 'Send evidence';
          replaceChildren(progressSlot);
        },
        rules.attestations > 0,
      );
      replaceChildren(result, card.el);
      form.hidden = true;
      const early = seen.get(reply.evidenceId);
      if (early) card.update(early);
      // A status decided before our socket joined is fetched once.
      void call(evidenceContracts.getEvidence, { params: { evidenceId: reply.evidenceId } }).then(
        (v) => {
          if (!seen.has(reply.evidenceId))
            card?.update({
              evidenceId: reply.evidenceId,
              questId: quest.id,
              status: v.status,
              checks: v.checks,
              score: v.score,
              reason: v.reason,
            });
        },
        () => undefined,
      );
      card.el.focus();
    } catch (err) {
      sendButton.disabled = false;
      sendButton.textContent = 'Send evidence';
      replaceChildren(progressSlot);
      if (err instanceof ApiError && err.status === 0) return hold();
      if (err instanceof ApiError && err.isTemporary && retries < MAX_AUTOMATIC_RETRIES) {
        retryLater(err);
        return;
      }
      showErrors(form, err);
    }
  }
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void send();
  });

  const el = h('div', { class: 'evidence' }, form, result);
  return {
    el,
    destroy: () => {
      clearTimeout(retryTimer);
      cleanups.forEach((c) => c());
      if (previewUrl) URL.revokeObjectURL(previewUrl);
    },
  };
}
