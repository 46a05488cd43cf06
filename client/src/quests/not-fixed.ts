/**
 * "Not fixed?": on a completed quest, inside its window, a resident who did not do it can
 * say it is not fixed, with the same steps as evidence (check in at the spot, and/or a
 * photo). The report is checked like evidence; enough reports reopen the quest.
 */
import { checkGeofence, questsContracts, type Checkin, type Quest } from '@govcraft/shared';
import { call } from '../net/call';
import { h, replaceChildren, uid } from '../ui/dom';
import { clearErrors, formProblems, showErrors } from '../ui/errors';
import { dateTimeText, distanceText } from '../ui/format';
import { locateOnce } from '../ui/locate';

export interface NotFixedAction {
  el: HTMLElement;
  destroy(): void;
}

export function notFixedAction(quest: Quest, until: string, onSent: () => void): NotFixedAction {
  const id = uid('not-fixed');
  let checkin: Checkin | null = null;
  let photo: File | null = null;
  let previewUrl: string | null = null;

  const toggle = h(
    'button',
    { type: 'button', class: 'button secondary', 'aria-expanded': 'false', 'aria-controls': id },
    'Not fixed?',
  );
  const answer = h('p', { class: 'not-fixed-answer', role: 'status' });

  const where = h('p', { class: 'checkin-info', 'aria-live': 'polite' });
  const locate = h('button', { type: 'button', class: 'button secondary' }, 'Check in here');
  locate.addEventListener('click', () =>
    locateOnce(locate, where, {
      unsupported: "Your browser can't share its location. Send a photo instead.",
      maximumAge: 0,
      found: (pos) => {
        const here = { lat: pos.coords.latitude, lng: pos.coords.longitude };
        const accuracyM = Math.max(0, Math.round(pos.coords.accuracy));
        checkin = { ...here, accuracyM, deviceTime: new Date().toISOString() };
        const fence = checkGeofence(quest.location, quest.location.radiusM, here, accuracyM);
        locate.textContent = 'Check in again';
        where.textContent = `You checked in ${distanceText(fence.distanceM)} from the spot. ${
          fence.inside ? "That's at the spot ✓" : 'Move closer for your report to count.'
        }`;
        where.className = `checkin-info ${fence.inside ? 'ok' : 'warn'}`;
      },
      failed: () => {
        where.textContent = "We couldn't find your location. Try again, or send a photo.";
        where.className = 'checkin-info warn';
      },
    }),
  );

  const photoId = uid('not-fixed-photo');
  const preview = h('div', { class: 'photo-preview' });
  const photoInput = h('input', {
    type: 'file',
    id: photoId,
    name: 'photo',
    accept: 'image/jpeg,image/png,image/webp,image/heic',
  });
  photoInput.addEventListener('change', () => {
    photo = photoInput.files?.[0] ?? null;
    if (previewUrl) URL.revokeObjectURL(previewUrl);
    previewUrl = photo ? URL.createObjectURL(photo) : null;
    replaceChildren(
      preview,
      previewUrl ? h('img', { src: previewUrl, alt: 'Your photo, ready to send' }) : null,
    );
  });

  const noteId = uid('not-fixed-note');
  const note = h('textarea', { id: noteId, name: 'note', rows: 2, maxlength: 1000 });
  const send = h('button', { type: 'submit', class: 'button' }, 'Send report');
  const form = h(
    'form',
    { id, class: 'not-fixed-form', novalidate: true, hidden: true, 'aria-labelledby': `${id}-t` },
    h('h4', { id: `${id}-t` }, 'Report it not fixed'),
    h(
      'p',
      { class: 'hint' },
      `Until ${dateTimeText(until)}. Show it: check in at the spot, add a photo, or both. Reports are checked like evidence, and enough of them reopen the quest.`,
    ),
    h('div', { class: 'form-group', 'data-field': 'checkin' }, locate, where),
    h(
      'div',
      { class: 'form-group', 'data-field': 'photo' },
      h('label', { for: photoId }, 'Photo of what is still wrong'),
      photoInput,
      preview,
    ),
    h(
      'div',
      { class: 'form-group', 'data-field': 'note' },
      h('label', { for: noteId }, 'What is still wrong? (optional, for officers)'),
      note,
    ),
    send,
  );

  toggle.addEventListener('click', () => {
    form.hidden = !form.hidden;
    toggle.setAttribute('aria-expanded', String(!form.hidden));
    if (!form.hidden) locate.focus();
  });

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    if (!checkin && !photo) {
      showErrors(
        form,
        formProblems(
          { path: 'checkin', message: 'Check in at the spot, or add a photo' },
          { path: 'photo', message: 'Add a photo, or check in at the spot' },
        ),
      );
      return;
    }
    send.disabled = true;
    send.textContent = 'Sending…';
    try {
      const text = note.value.trim();
      const r = await call(questsContracts.reportNotFixed, {
        params: { questId: quest.id },
        body: { checkin: checkin ? JSON.stringify(checkin) : undefined, note: text || undefined },
        files: { photo: photo ? new File([photo], 'photo.jpg', { type: photo.type }) : null },
      });
      form.hidden = true;
      toggle.remove();
      answer.textContent = `Thank you. Your report is being checked; once it is, it counts with weight ${r.weight}.`;
      answer.focus();
      onSent();
    } catch (err) {
      showErrors(form, err);
    } finally {
      send.disabled = false;
      send.textContent = 'Send report';
    }
  });

  answer.tabIndex = -1;
  return {
    el: h('div', { class: 'not-fixed' }, toggle, form, answer),
    destroy: () => {
      if (previewUrl) URL.revokeObjectURL(previewUrl);
    },
  };
}
