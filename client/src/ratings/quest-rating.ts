/**
 * A completed quest's rating on its sheet: the average for everyone, and for residents who
 * may rate, five radio buttons and an optional comment (rating again replaces the rating).
 */
import { ratingsContracts, type Quest, type QuestRatings } from '@govcraft/shared';
import type { AppContext } from '../app/context';
import { call } from '../net/call';
import { h, replaceChildren } from '../ui/dom';
import { errorMessage, formProblems, showErrors } from '../ui/errors';
import { toast } from '../ui/toast';
import './ratings.css';

const STAR_WORDS = ['', 'Poor', 'Not great', 'OK', 'Good', 'Excellent'];

function averageText(r: QuestRatings): string {
  if (r.count === 0 || r.average === null) return 'No ratings yet.';
  return `Rated ${r.average.toFixed(1)} out of 5 by ${r.count} ${r.count === 1 ? 'person' : 'people'}.`;
}

function ratingForm(questId: string, r: QuestRatings, onSaved: (r: QuestRatings) => void) {
  const name = `stars-${questId}`;
  const form = h(
    'form',
    { class: 'rating-form', novalidate: true },
    h(
      'fieldset',
      { 'data-field': 'stars' },
      h('legend', {}, r.mine ? 'Change your rating of the outcome' : 'Rate the outcome'),
      [1, 2, 3, 4, 5].map((n) =>
        h(
          'label',
          { class: 'rating-choice' },
          h('input', {
            type: 'radio',
            name,
            value: String(n),
            ...(r.mine?.stars === n ? { checked: true } : {}),
          }),
          `${n} – ${STAR_WORDS[n]}`,
        ),
      ),
    ),
    h('label', { for: `${name}-comment` }, 'Comment (optional)'),
    h('textarea', { id: `${name}-comment`, name: 'comment', rows: 2, maxlength: 500 }),
    h('button', { type: 'submit', class: 'button' }, r.mine ? 'Update rating' : 'Send rating'),
  );
  const comment = form.querySelector('textarea')!;
  comment.value = r.mine?.comment ?? '';
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const picked = form.querySelector<HTMLInputElement>(`input[name="${name}"]:checked`);
    if (!picked) {
      showErrors(form, formProblems({ path: 'stars', message: 'choose from 1 to 5 stars' }));
      return;
    }
    const text = comment.value.trim();
    call(ratingsContracts.rateQuest, {
      params: { questId },
      body: { stars: Number(picked.value), comment: text === '' ? null : text },
    }).then(
      (saved) => {
        toast('Thank you: your rating is saved.', 'success');
        onSaved(saved);
      },
      (err) => showErrors(form, err),
    );
  });
  return form;
}

/** The rating block for the quest sheet; empty until ratings load or when nothing is done yet. */
export function questRating(ctx: AppContext, q: Quest): HTMLElement {
  const el = h('section', { class: 'quest-rating', 'aria-labelledby': `rating-${q.id}` });
  // Only outcomes can be rated: a quest nobody has completed has nothing to show yet.
  if (q.completions === 0 && q.status !== 'closed' && q.status !== 'archived') return el;
  const render = (r: QuestRatings) => {
    const heading = h('h3', { id: `rating-${q.id}` }, 'How did it turn out?');
    const summary = h('p', { role: 'status' }, averageText(r));
    replaceChildren(
      el,
      heading,
      summary,
      r.canRate
        ? ratingForm(q.id, r, render)
        : ctx.store.state.me && r.reason
          ? h('p', { class: 'hint' }, r.reason)
          : null,
    );
  };
  call(ratingsContracts.getQuestRatings, { params: { questId: q.id } }).then(render, (err) =>
    replaceChildren(el, h('p', { class: 'hint' }, errorMessage(err))),
  );
  return el;
}
