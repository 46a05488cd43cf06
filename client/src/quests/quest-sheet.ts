/** The quest sheet: what the problem is, what done looks like, evidence, XP, time, join. */
import {
  LIVE_QUEST_STATUSES,
  questsContracts,
  storylinesContracts,
  type Quest,
} from '@govcraft/shared';
import type { AppContext, View } from '../app/context';
import { requireSignIn } from '../auth/sign-in';
import { call } from '../net/call';
import { h, replaceChildren } from '../ui/dom';
import { errorMessage } from '../ui/errors';
import { evidenceFormView } from '../evidence/evidence-form';
import { dateTimeText, isClosingSoon, timeLeftText } from '../ui/format';
import { superpowerTag } from '../ui/icons';
import { evidenceChecklist } from '../evidence/evidence-checklist';
import { toast } from '../ui/toast';
import { vouchForm } from '../evidence/vouch-form';
import { questComments } from '../comments/quest-comments';
import { questHistory } from './history';
import { questRating } from '../ratings/quest-rating';

/** Statuses in which a quest takes evidence: active, or reopened as not fixed. */
const takesEvidence = (q: Quest) => q.status === 'active' || q.status === 'reopened';

async function chapterLine(q: Quest): Promise<string | null> {
  if (!q.storylineId) return null;
  try {
    const s = await call(storylinesContracts.getStoryline, {
      params: { storylineId: q.storylineId },
    });
    const reached = s.chapters.filter((c) => c.threshold <= s.completed);
    const current = reached[reached.length - 1] ?? s.chapters[0];
    const chapter = current ? `Chapter ${current.position}: ${current.title}` : s.title;
    return `${chapter} — ${s.completed} of ${s.goal} done`;
  } catch {
    return null;
  }
}

export function questSheetView(ctx: AppContext, questId: string, onBack: () => void): View {
  const el = h('section', { class: 'panel-section quest-sheet', 'aria-labelledby': 'sheet-title' });
  const timers: number[] = [];
  let evidence: View | null = null;
  let history: View | null = null;
  const comments = questComments(ctx);
  /** The quest on screen and its action slots, so a live verification can redraw them. */
  let shown: { q: Quest; actions: HTMLElement; slot: HTMLElement } | null = null;

  const back = h(
    'button',
    { type: 'button', class: 'link-button back', onClick: onBack },
    '← All quests',
  );

  function render(q: Quest) {
    evidence?.destroy?.();
    evidence = null;
    history?.destroy?.();
    history = questHistory(ctx, q);
    const now = Date.now();
    const time = h(
      'p',
      { class: `time-left${isClosingSoon(q.endsAt, now) ? ' urgent' : ''}` },
      timeLeftText(q.startsAt, q.endsAt, now),
    );
    timers.push(
      window.setInterval(
        () => (time.textContent = timeLeftText(q.startsAt, q.endsAt, Date.now())),
        30_000,
      ),
    );
    const chapter = h('p', { class: 'chapter-line' });
    void chapterLine(q).then((line) => {
      if (line) chapter.textContent = line;
      else chapter.remove();
    });
    const actions = h('div', { class: 'sheet-actions' });
    const evidenceSlot = h('div', { class: 'evidence-slot' });
    replaceChildren(
      el,
      back,
      h('h2', { id: 'sheet-title', tabindex: -1 }, q.title),
      q.status === 'reopened'
        ? h(
            'p',
            { class: 'reopened-banner' },
            'Reopened: residents or the council found it not fixed. It needs doing again.',
          )
        : null,
      h('div', { class: 'sp-tags' }, q.superpowers.map(superpowerTag)),
      chapter,
      h(
        'div',
        { class: 'sheet-stats' },
        h('p', { class: 'xp-reward' }, h('strong', {}, `${q.xp} XP`)),
        time,
        h(
          'p',
          {},
          q.completions === 1 ? '1 person has done it' : `${q.completions} people have done it`,
        ),
      ),
      h('h3', {}, 'The problem'),
      h('p', { class: 'prose' }, q.problem),
      h('h3', {}, 'What done looks like'),
      h('p', { class: 'prose' }, q.desiredOutcome),
      h('h3', {}, 'Evidence you will need'),
      evidenceChecklist(q),
      q.teamSize
        ? h('p', { class: 'hint' }, `Team quest: your team needs at least ${q.teamSize} members.`)
        : null,
      h('p', { class: 'hint' }, `Runs ${dateTimeText(q.startsAt)} to ${dateTimeText(q.endsAt)}.`),
      actions,
      evidenceSlot,
      ctx.store.state.me && q.evidenceRules.attestations > 0 && takesEvidence(q)
        ? vouchForm()
        : null,
      questRating(ctx, q),
      history.el,
      comments.for(q),
    );
    shown = { q, actions, slot: evidenceSlot };
    const superpower = q.superpowers[0];
    if (superpower) ctx.map()?.showGeofence({ ...q.location, superpower });
    renderActions(q, actions, evidenceSlot);
  }

  function renderActions(q: Quest, actions: HTMLElement, slot: HTMLElement) {
    const prompt = { reason: 'to join this quest', look: 'button' } as const;
    if (!requireSignIn(ctx.store.state.me, actions, prompt)) return;
    const status = ctx.store.state.mine.get(q.id);
    const joined = status === 'joined' || status === 'submitted';
    if (status === 'completed') {
      replaceChildren(
        actions,
        h('p', { class: 'done-banner' }, 'You completed this quest. Thank you!'),
      );
      return;
    }
    if (!LIVE_QUEST_STATUSES.includes(q.status)) {
      // A closed quest takes no one new; its history, rating and comments stay below.
      replaceChildren(actions, h('p', { class: 'hint' }, 'This quest has closed.'));
      replaceChildren(slot);
      return;
    }
    const feedback = h('p', { class: 'action-feedback', role: 'status' });
    const button = h(
      'button',
      {
        type: 'button',
        class: joined ? 'button secondary' : 'button',
        'data-action': joined ? 'leave' : 'join',
      },
      joined ? 'Leave quest' : 'Join quest',
    );
    button.addEventListener('click', async () => {
      button.disabled = true;
      button.textContent = joined ? 'Leaving…' : 'Joining…';
      try {
        const params = { questId: q.id };
        if (joined) await call(questsContracts.leaveQuest, { params });
        else await call(questsContracts.joinQuest, { params });
        if (joined) ctx.store.state.mine.delete(q.id);
        else ctx.store.state.mine.set(q.id, 'joined');
        ctx.store.changed('mine');
        toast(joined ? 'You left the quest.' : 'You joined! Now go and make it happen.', 'success');
        renderActions(q, actions, slot);
      } catch (err) {
        button.disabled = false;
        button.textContent = joined ? 'Leave quest' : 'Join quest';
        feedback.textContent = errorMessage(err);
      }
    });
    replaceChildren(actions, button, feedback);
    evidence?.destroy?.();
    evidence = null;
    if (joined && takesEvidence(q)) {
      evidence = evidenceFormView(ctx, q);
      replaceChildren(slot, evidence.el);
    } else if (joined) {
      replaceChildren(
        slot,
        h('p', { class: 'hint' }, 'You can send evidence once the quest opens.'),
      );
    } else {
      replaceChildren(slot);
    }
  }

  async function load() {
    const cached = ctx.store.state.quests.get(questId);
    if (cached) render(cached);
    else replaceChildren(el, back, h('p', { role: 'status' }, 'Loading the quest…'));
    try {
      const q = await call(questsContracts.getQuest, { params: { questId } });
      ctx.store.state.quests.set(q.id, q);
      if (!cached || cached.updatedAt !== q.updatedAt) render(q);
    } catch (err) {
      if (!cached) replaceChildren(el, back, h('p', { class: 'error-text' }, errorMessage(err)));
    }
    el.querySelector<HTMLElement>('#sheet-title')?.focus();
  }
  void load();

  const off = ctx.store.on(['quests'], () => {
    const q = ctx.store.state.quests.get(questId);
    if (!q) replaceChildren(el, back, h('p', { role: 'status' }, 'This quest has closed.'));
    // A live status change (reopened, done again) redraws the sheet with its new history.
    else if (shown && q.status !== shown.q.status) render(q);
  });
  // Verified evidence arrives live: "Leave quest" must give way to the completed banner.
  const offMine = ctx.store.on(['mine'], () => {
    if (shown && ctx.store.state.mine.get(questId) === 'completed')
      renderActions(shown.q, shown.actions, shown.slot);
  });
  return {
    el,
    destroy: () => {
      off();
      offMine();
      ctx.map()?.showGeofence(null);
      timers.forEach(clearInterval);
      evidence?.destroy?.();
      history?.destroy?.();
      comments.destroy();
    },
  };
}
