/**
 * "XP taken back": each reversal with its reason and what it did to the level, and the one
 * appeal the resident may make. The level shown everywhere is the level of the XP held
 * now, so it can go down; this section is where the drop is explained.
 */
import { evidenceContracts, progressContracts, type XpReversalNotice } from '@govcraft/shared';
import { call } from '../net/call';
import { h, replaceChildren, uid } from '../ui/dom';
import { clearErrors, formProblems, showErrors } from '../ui/errors';
import { dateTimeText, numberText } from '../ui/format';
import { toast } from '../ui/toast';

const APPEAL_WORDS: Record<XpReversalNotice['appeal'], string> = {
  none: '',
  open: 'Your appeal is waiting for an officer.',
  upheld: 'Your appeal was upheld: the XP was paid back.',
  dismissed: 'Your appeal was dismissed.',
};

function appealForm(r: XpReversalNotice, done: () => void): HTMLElement {
  const id = uid('appeal-reason');
  const form = h(
    'form',
    { class: 'appeal-form', novalidate: true },
    h(
      'div',
      { class: 'form-group', 'data-field': 'reason' },
      h('label', { for: id }, 'Why was this a mistake? (you can appeal once)'),
      h('textarea', { id, name: 'reason', rows: 3, maxlength: 1000 }),
    ),
    h('button', { type: 'submit', class: 'button' }, 'Send appeal'),
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    const reason = form.querySelector<HTMLTextAreaElement>(`#${id}`)!.value.trim();
    if (reason.length < 3)
      return showErrors(form, formProblems({ path: 'reason', message: 'say briefly why' }));
    try {
      await call(evidenceContracts.appealReversal, {
        params: { evidenceId: r.evidenceId },
        body: { reason },
      });
      toast('Appeal sent: an officer will look at it.', 'success');
      done();
    } catch (err) {
      showErrors(form, err);
    }
  });
  return form;
}

function item(r: XpReversalNotice, reload: () => void): HTMLElement {
  const quest = r.questTitle ?? 'a quest';
  const levelWords =
    r.levelAfter < r.levelBefore
      ? ` Your level went from ${r.levelBefore} to ${r.levelAfter}.`
      : '';
  return h(
    'li',
    { class: 'reversal' },
    h(
      'p',
      {},
      h('strong', {}, `${numberText(r.amount)} XP`),
      ` for “${quest}”, ${dateTimeText(r.at)}.`,
    ),
    h('p', {}, `Reason: ${r.reason}.${levelWords}`),
    r.appeal === 'none' ? appealForm(r, reload) : h('p', { class: 'hint' }, APPEAL_WORDS[r.appeal]),
  );
}

/** The section, filled in once the caller's reversals are loaded; empty when there are none. */
export function reversalsSection(): HTMLElement {
  const el = h('section', { class: 'reversals', 'aria-live': 'polite' });
  const load = () =>
    call(progressContracts.getMyProgress).then(
      ({ reversals }) =>
        replaceChildren(
          el,
          reversals.length
            ? [
                h('h3', {}, 'XP taken back'),
                h(
                  'p',
                  { class: 'hint' },
                  'When evidence turns out not to hold, its XP is taken back and your level follows your XP.',
                ),
                h(
                  'ul',
                  { class: 'reversal-list' },
                  reversals.map((r) => item(r, load)),
                ),
              ]
            : [],
        ),
      () => replaceChildren(el),
    );
  void load();
  return el;
}
