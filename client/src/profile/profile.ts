/** Profile: level, XP, the four superpowers, streak, quests, your data and your account. */
import {
  accountsContracts,
  levelForXp,
  questsContracts,
  SUPERPOWER_INFO,
  SUPERPOWERS,
  type ParticipationStatus,
} from '@govcraft/shared';
import type { AppContext, View } from '../app/context';
import { requireSignIn } from '../auth/sign-in';
import { call, urlOf } from '../net/call';
import { h, meter, replaceChildren, uid } from '../ui/dom';
import { clearErrors, formProblems, showErrors } from '../ui/errors';
import { numberText } from '../ui/format';
import { superpowerIcon } from '../ui/icons';
import { reversalsSection } from './reversals';

const PARTICIPATION_WORDS: Record<ParticipationStatus, string> = {
  joined: 'joined',
  submitted: 'being checked',
  completed: 'done',
  left: 'left',
  reopened: 'reopened: reported not fixed',
};

export function profileView(ctx: AppContext): View {
  const el = h('section', { class: 'panel-section', 'aria-labelledby': 'profile-heading' });

  function render() {
    const me = requireSignIn(
      ctx.store.state.me,
      el,
      { reason: 'to earn XP, join a team and see your progress.', look: 'invite' },
      h('h2', { id: 'profile-heading' }, 'Your profile'),
    );
    if (!me) return;
    const p = me.progress;
    const lv = levelForXp(p.totalXp);
    const maxSp = Math.max(1, ...SUPERPOWERS.map((s) => p.bySuperpower[s] ?? 0));
    const myQuests = h(
      'ul',
      { class: 'my-quests' },
      h('li', { role: 'status' }, 'Loading your quests…'),
    );
    replaceChildren(
      el,
      h('h2', { id: 'profile-heading' }, me.displayName),
      h(
        'div',
        { class: 'level-block' },
        h('span', { class: 'level-badge large' }, `Level ${lv.level}`),
        h(
          'p',
          {},
          `${numberText(p.totalXp)} XP — ${numberText(lv.nextLevelXp - lv.xp)} XP to level ${lv.level + 1}`,
        ),
        meter(
          `Progress to level ${lv.level + 1}`,
          lv.xp - lv.levelStartXp,
          lv.nextLevelXp - lv.levelStartXp,
        ),
      ),
      h('h3', {}, 'Your superpowers'),
      h(
        'ul',
        { class: 'sp-bars' },
        SUPERPOWERS.map((s) => {
          const xp = p.bySuperpower[s] ?? 0;
          return h(
            'li',
            {},
            h(
              'span',
              { class: 'sp-bar-label' },
              superpowerIcon(s, 18),
              `${SUPERPOWER_INFO[s].label}: ${numberText(xp)} XP`,
            ),
            meter(SUPERPOWER_INFO[s].label, xp, maxSp, `meter--${s}`),
          );
        }),
      ),
      h(
        'p',
        {},
        p.streakWeeks > 0
          ? `${p.streakWeeks}-week streak (longest ${p.longestStreakWeeks}). Keep it going this week!`
          : 'Finish a quest this week to start a streak.',
      ),
      h('p', {}, `${p.questsCompleted} ${p.questsCompleted === 1 ? 'quest' : 'quests'} done.`),
      reversalsSection(),
      h('h3', {}, 'Your quests'),
      myQuests,
      h('h3', {}, 'Your data'),
      h(
        'p',
        {},
        h(
          'a',
          { href: urlOf(accountsContracts.exportMyData), download: 'govcraft-my-data.json' },
          'Download my data (JSON)',
        ),
      ),
      deleteAccountForm(),
    );
    call(questsContracts.listMyQuests).then(
      (r) =>
        replaceChildren(
          myQuests,
          r.items.length
            ? r.items.map(({ quest, participation }) =>
                h(
                  'li',
                  {},
                  h(
                    'button',
                    {
                      type: 'button',
                      class: 'link-button',
                      onClick: () => ctx.openQuest(quest.id),
                    },
                    quest.title,
                  ),
                  ` — ${PARTICIPATION_WORDS[participation.status]}`,
                ),
              )
            : h('li', { class: 'hint' }, "You haven't joined a quest yet. Pick one from the list!"),
        ),
      () => replaceChildren(myQuests, h('li', { class: 'hint' }, 'Your quests will show here.')),
    );
  }

  function deleteAccountForm(): HTMLElement {
    const pwId = uid('delete-password');
    const form = h(
      'form',
      { class: 'danger-zone', novalidate: true },
      h('h3', {}, 'Delete my account'),
      h(
        'p',
        {},
        'Your name, email and photos are removed. XP stays, anonymously, so team and area totals stay right.',
      ),
      h(
        'div',
        { class: 'form-group', 'data-field': 'password' },
        h('label', { for: pwId }, 'Your password, to confirm'),
        h('input', {
          id: pwId,
          name: 'password',
          type: 'password',
          autocomplete: 'current-password',
        }),
      ),
      h('button', { type: 'submit', class: 'button warning' }, 'Delete my account'),
    );
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      clearErrors(form);
      const password = form.querySelector<HTMLInputElement>(`#${pwId}`)!.value;
      if (!password)
        return showErrors(
          form,
          formProblems({ path: 'password', message: 'enter your password to confirm' }),
        );
      if (!window.confirm('Delete your account for good? This cannot be undone.')) return;
      try {
        await call(accountsContracts.deleteAccount, { body: { password } });
        window.location.assign('/');
      } catch (err) {
        showErrors(form, err);
      }
    });
    return form;
  }

  const off = ctx.store.on(['me'], render);
  render();
  return { el, destroy: off };
}
