/** The live evidence status card: "Checking… location ✓ time ✓ photo …" to an outcome. */
import type { EvidenceStatusEvent } from '@govcraft/shared';
import { h, replaceChildren } from '../ui/dom';
import { toast } from '../ui/toast';

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

/** "Ask a neighbour to vouch": the evidence code with a copy button, for quests that need it. */
export function vouchShare(evidenceId: string): HTMLElement {
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(evidenceId);
      toast('Code copied. Send it to a neighbour.', 'success');
    } catch {
      toast(`Copy failed. The code is ${evidenceId}.`, 'error');
    }
  };
  return h(
    'div',
    { class: 'vouch-share' },
    h('h4', {}, 'Ask a neighbour to vouch: share this code'),
    h(
      'p',
      { class: 'hint' },
      'They open this quest, choose "Vouch for a neighbour" and paste the code.',
    ),
    h('p', { class: 'invite-code' }, h('code', { class: 'evidence-code' }, evidenceId)),
    h(
      'button',
      { type: 'button', class: 'button secondary', onClick: () => void copy() },
      'Copy code',
    ),
  );
}

export function statusCard(evidenceId: string, onTryAgain: () => void, needsVouching = false) {
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
  const share = needsVouching ? vouchShare(evidenceId) : null;
  el.append(headline, body);
  if (share) el.append(share);

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
    if (share) share.hidden = e.status === 'verified' || e.status === 'rejected';
  }
  return { el, update };
}
