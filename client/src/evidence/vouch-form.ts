/**
 * "Vouch for a neighbour": a resident enters the evidence code a neighbour shared and
 * vouches that they saw the work done. The API's answer is read out in a live region.
 */
import { evidenceContracts } from '@govcraft/shared';
import { ApiError } from '../net/api';
import { call } from '../net/call';
import { h, uid } from '../ui/dom';
import { clearErrors, formProblems, showErrors } from '../ui/errors';
import { parseEvidenceCode, vouchProgressText } from './vouch-text';

export function vouchForm(): HTMLElement {
  const id = uid('vouch-code');
  const hintId = `${id}-hint`;
  const answer = h('p', { class: 'vouch-answer', role: 'status', 'aria-live': 'polite' });
  const codeInput = h('input', {
    id,
    name: 'evidenceId',
    type: 'text',
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-describedby': hintId,
  });
  const button = h('button', { type: 'submit', class: 'button secondary' }, 'Vouch');
  const form = h(
    'form',
    { novalidate: true, class: 'inline-form vouch-form', 'aria-labelledby': `${id}-title` },
    h('h3', { id: `${id}-title` }, 'Vouch for a neighbour'),
    h(
      'div',
      { class: 'form-group', 'data-field': 'evidenceId' },
      h('label', { for: id }, 'Evidence code'),
      h(
        'p',
        { class: 'hint', id: hintId },
        'Only vouch if you saw them do it. Paste the code they shared with you.',
      ),
      codeInput,
    ),
    button,
  );

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    answer.textContent = '';
    const code = parseEvidenceCode(codeInput.value);
    if (!code) {
      showErrors(
        form,
        formProblems({
          path: 'evidenceId',
          message:
            'enter the code your neighbour shared, like 3f2b8c1e-9a4d-4e6f-8b2a-1c3d5e7f9a0b',
        }),
      );
      return;
    }
    button.disabled = true;
    button.textContent = 'Vouching…';
    try {
      const r = await call(evidenceContracts.attestEvidence, { params: { evidenceId: code } });
      answer.textContent = vouchProgressText(r.attestations, r.attestationsNeeded);
      codeInput.value = '';
    } catch (err) {
      if (err instanceof ApiError && !err.issues.length) answer.textContent = err.message;
      else showErrors(form, err);
    } finally {
      button.disabled = false;
      button.textContent = 'Vouch';
    }
  });

  return h('div', { class: 'vouch' }, form, answer);
}
