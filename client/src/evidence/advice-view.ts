/**
 * What the verifier will make of a check-in or a photo, shown before sending (the shared
 * rules in `rules/verification/advice.ts`): a check-in that cannot pass is held back with what
 * to do; a photo without camera details says it will wait for an officer and offers a retake.
 */
import {
  checkinAdvice,
  photoAdvice,
  type CheckinAdvice,
  type PhotoAdviceLevel,
  type Quest,
} from '@govcraft/shared';
import { h, replaceChildren } from '../ui/dom';
import { readPhotoExif } from './photo-exif';

export function adviseCheckin(
  quest: Quest,
  fix: { lat: number; lng: number; accuracyM: number },
  info: HTMLElement,
): CheckinAdvice {
  const advice = checkinAdvice(quest.location, fix);
  info.textContent = `${advice.text} (Accurate to ${Math.round(fix.accuracyM)} m.)`;
  info.className = `checkin-info ${advice.canSend ? 'ok' : 'warn'}`;
  return advice;
}

const CLASS_OF: Record<PhotoAdviceLevel, string> = { ok: 'ok', review: 'warn', fail: 'warn' };

export interface PhotoAdviceView {
  el: HTMLElement;
  /** Reads the chosen photo's camera details and says what will follow; null clears it. */
  show(photo: File | null): Promise<void>;
}

/** `retake` opens the camera (the same file input, asking for capture). */
export function photoAdviceView(quest: Quest, retake: () => void): PhotoAdviceView {
  const el = h('div', { class: 'photo-advice', 'aria-live': 'polite' });
  let shown: File | null = null;
  return {
    el,
    async show(photo) {
      shown = photo;
      if (!photo) return replaceChildren(el);
      replaceChildren(el, h('p', { class: 'hint' }, 'Reading the photo’s camera details…'));
      const exif = await readPhotoExif(photo);
      if (shown !== photo) return; // a newer photo was chosen meanwhile
      const fence = { ...quest.location, startsAt: new Date(quest.startsAt) };
      const advice = photoAdvice(fence, exif, new Date());
      const text = h('p', { class: `checkin-info ${CLASS_OF[advice.level]}` }, advice.text);
      if (advice.level === 'ok') return replaceChildren(el, text);
      const again = h(
        'button',
        { type: 'button', class: 'button secondary' },
        'Take a new photo with the camera',
      );
      again.addEventListener('click', retake);
      replaceChildren(el, text, again);
    },
  };
}
