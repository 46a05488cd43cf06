/** Team panel: start or join a team; members, invite code with a copy button. */
import type { AppContext, View } from '../app/context';
import { requireSignIn } from '../auth/sign-in';
import { call } from '../net/call';
import { teamsContracts } from '@govcraft/shared';
import { h, replaceChildren, uid } from '../ui/dom';
import { clearErrors, errorMessage, showErrors } from '../ui/errors';
import { numberText } from '../ui/format';
import { toast } from '../ui/toast';

export function teamView(ctx: AppContext): View {
  const el = h('section', { class: 'panel-section', 'aria-labelledby': 'team-heading' });
  const cleanups: (() => void)[] = [];

  function textForm(
    label: string,
    name: string,
    button: string,
    submit: (value: string) => Promise<unknown>,
  ) {
    const id = uid(name);
    const form = h(
      'form',
      { novalidate: true, class: 'inline-form' },
      h(
        'div',
        { class: 'form-group', 'data-field': name },
        h('label', { for: id }, label),
        h('input', { id, name, type: 'text', autocomplete: 'off' }),
      ),
      h('button', { type: 'submit', class: 'button' }, button),
    );
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      clearErrors(form);
      try {
        await submit(form.querySelector<HTMLInputElement>(`#${id}`)!.value.trim());
        await load();
      } catch (err) {
        showErrors(form, err);
      }
    });
    return form;
  }

  function render() {
    const team = ctx.store.state.team;
    const heading = h('h2', { id: 'team-heading' }, team ? team.name : 'Your team');
    const me = requireSignIn(
      ctx.store.state.me,
      el,
      { reason: 'to start or join a team.' },
      heading,
    );
    if (!me) return;
    if (!team) {
      replaceChildren(
        el,
        heading,
        h(
          'p',
          {},
          'Quests go further with neighbours. Start a team, or join one with the code a captain gave you.',
        ),
        textForm('Team name', 'name', 'Start a team', (name) =>
          call(teamsContracts.createTeam, { params: { slug: ctx.slug }, body: { name } }),
        ),
        textForm('Invite code', 'code', 'Join team', (code) =>
          call(teamsContracts.joinTeam, { body: { code } }),
        ),
      );
      return;
    }
    const meId = me.id;
    const isCaptain = team.captainId === meId;
    const code = team.inviteCode ?? null;
    replaceChildren(
      el,
      heading,
      h('h3', {}, 'Members'),
      h(
        'ul',
        { class: 'members' },
        team.members.map((m) =>
          h(
            'li',
            {},
            m.displayName,
            m.isCaptain ? ' (captain)' : '',
            m.userId === meId ? ' — you' : '',
            ` · ${numberText(m.xp)} XP`,
          ),
        ),
      ),
      code
        ? h(
            'div',
            { class: 'invite' },
            h('h3', {}, 'Invite neighbours'),
            h('p', {}, 'Share this code. They enter it under Team → Join team.'),
            h(
              'p',
              { class: 'invite-code' },
              h('code', { 'aria-label': `Invite code ${code.split('').join(' ')}` }, code),
            ),
            h(
              'button',
              { type: 'button', class: 'button secondary', onClick: () => void copy(code) },
              'Copy invite code',
            ),
            isCaptain
              ? h(
                  'button',
                  {
                    type: 'button',
                    class: 'link-button',
                    onClick: () =>
                      void call(teamsContracts.rotateTeamInviteCode, {
                        params: { teamId: team.id },
                      }).then(load, (e: unknown) => toast(errorMessage(e), 'error')),
                  },
                  'Make a new code',
                )
              : null,
          )
        : null,
      h(
        'button',
        { type: 'button', class: 'button warning', onClick: () => void leave(team.id) },
        'Leave team',
      ),
    );
  }

  async function copy(code: string) {
    try {
      await navigator.clipboard.writeText(code);
      toast('Invite code copied.', 'success');
    } catch {
      toast(`Copy failed. The code is ${code}.`, 'error');
    }
  }

  async function leave(teamId: string) {
    if (!window.confirm('Leave this team?')) return;
    try {
      await call(teamsContracts.leaveTeam, { params: { teamId } });
      await load();
    } catch (err) {
      toast(errorMessage(err), 'error');
    }
  }

  async function load() {
    if (!ctx.store.state.me) return render();
    try {
      ctx.store.set(
        'team',
        (await call(teamsContracts.getMyTeam, { params: { slug: ctx.slug } })).team,
      );
    } catch {
      ctx.store.set('team', null);
    }
  }

  // Re-render only when the team really changed, so a half-typed code or name survives.
  let shown: string | null = null;
  const renderIfChanged = () => {
    const key = JSON.stringify([ctx.store.state.me?.id ?? null, ctx.store.state.team]);
    if (key === shown) return;
    shown = key;
    render();
  };
  cleanups.push(ctx.store.on(['team', 'me'], renderIfChanged));
  cleanups.push(
    ctx.realtime.on('team:update', (e) => {
      if (ctx.store.state.team?.id === e.teamId) void load();
    }),
  );
  renderIfChanged();
  void load();
  return { el, destroy: () => cleanups.forEach((c) => c()) };
}
