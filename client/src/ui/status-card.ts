/** The live evidence status card: "Checking… location ✓ time ✓ photo …" to an outcome. */
import type { EvidenceStatusEvent } from '@govcraft/shared';
import { h, replaceChildren } from './dom';

const HEADLINES: Record<EvidenceStatusEvent['status'], string> = {
  pending: 'Checking your evidence…',
  verified: 'Verified!',
  needs_review: "Needs an officer's look",
  rejected: 'Not accepted',
};

const CHECK_NAMES: Record<string, string> = {
  geofence: 'Location',
  timeWindow: 'Time',
  photoExif: 'Photo details',
  duplicatePhoto: 'Photo is new',
  travel: 'Travel speed',
  text: 'Note',
  attestations: 'Vouched for',
  officerSignOff: 'Officer sign-off',
};

export const checkName = (check: string) =>
  CHECK_NAMES[check] ??
  check
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase()
    .replace(/^\w/, (c) => c.toUpperCase());

export function checkList(checks: EvidenceStatusEvent['checks']): HTMLElement {
  return h(
    'ul',
    { class: 'check-list' },
    checks.map((c) =>
      h(
        'li',
        { class: c.passed ? 'check ok' : 'check failed' },
        h('span', { class: 'check-mark', 'aria-hidden': 'true' }, c.passed ? '✓' : '✗'),
        h(
          'span',
          {},
          h('strong', {}, `${checkName(c.check)}: `),
          h('span', { class: 'visually-hidden' }, c.passed ? 'passed. ' : 'did not pass. '),
          c.detail,
        ),
      ),
    ),
  );
}

export function statusCard(evidenceId: string, onTryAgain: () => void) {
  const el = h('div', {
    class: 'status-card status--pending',
    tabindex: -1,
    'data-evidence-id': evidenceId,
    'data-status': 'pending',
  });
  const headline = h(
    'h3',
    { class: 'status-headline', role: 'status', 'aria-live': 'polite' },
    HEADLINES.pending,
  );
  const body = h(
    'div',
    { class: 'status-body' },
    h(
      'p',
      { class: 'hint' },
      'We check where and when, and your photo. This usually takes a few seconds.',
    ),
  );
  el.append(headline, body);

  function update(e: EvidenceStatusEvent) {
    el.className = `status-card status--${e.status}`;
    el.dataset.status = e.status;
    headline.textContent = HEADLINES[e.status];
    const next =
      e.status === 'verified'
        ? h('p', {}, 'Your XP is on its way to your profile.')
        : e.status === 'needs_review'
          ? h(
              'p',
              {},
              'An officer will look at it, usually within 2 working days. You will see the result here and in your profile.',
            )
          : e.status === 'rejected'
            ? [
                e.reason ? h('p', { class: 'status-reason' }, e.reason) : null,
                h('p', {}, 'You can fix this and send new evidence.'),
                h(
                  'button',
                  { type: 'button', class: 'button secondary', onClick: onTryAgain },
                  'Send new evidence',
                ),
              ]
            : h('p', { class: 'hint' }, 'Still checking…');
    replaceChildren(body, e.checks.length ? checkList(e.checks) : null, next);
  }
  return { el, update };
}
