/** Sign-in and registration pages, with GOV.UK-style errors next to the fields. */
import {
  accountsContracts,
  areasContracts,
  ZLoginRequest,
  ZRegisterRequest,
} from '@govcraft/shared';
import type { z } from 'zod';
import { rememberedArea, slugInPath } from '../areas/choose';
import { call } from '../net/call';
import { go, safeNext } from '../app/routes';
import { h, uid } from '../ui/dom';
import { clearErrors, issuesOf, showErrors } from '../ui/errors';

interface FieldSpec {
  name: string;
  label: string;
  type: string;
  autocomplete: string;
  hint?: string;
}

function field(f: FieldSpec): HTMLElement {
  const id = uid(f.name);
  const hintId = f.hint ? `${id}-hint` : null;
  return h(
    'div',
    { class: 'form-group', 'data-field': f.name },
    h('label', { for: id }, f.label),
    f.hint ? h('p', { class: 'hint', id: hintId }, f.hint) : null,
    h('input', {
      id,
      name: f.name,
      type: f.type,
      autocomplete: f.autocomplete,
      'aria-describedby': hintId,
      spellcheck: 'false',
    }),
  );
}

function values(form: HTMLFormElement): Record<string, string> {
  return Object.fromEntries([...new FormData(form)].map(([k, v]) => [k, String(v)]));
}

export function renderAuthPage(root: HTMLElement, mode: 'login' | 'register'): void {
  const next = safeNext(new URLSearchParams(location.search).get('next'));
  const isLogin = mode === 'login';
  document.title = `${isLogin ? 'Sign in' : 'Create an account'} – GovCraft`;
  const fields: FieldSpec[] = isLogin
    ? [
        { name: 'email', label: 'Email address', type: 'email', autocomplete: 'email' },
        { name: 'password', label: 'Password', type: 'password', autocomplete: 'current-password' },
      ]
    : [
        {
          name: 'displayName',
          label: 'Your name on leaderboards',
          type: 'text',
          autocomplete: 'nickname',
          hint: 'A first name or nickname is fine. Others will see it.',
        },
        { name: 'email', label: 'Email address', type: 'email', autocomplete: 'email' },
        {
          name: 'password',
          label: 'Password',
          type: 'password',
          autocomplete: 'new-password',
          hint: 'At least 10 characters. A few words together work well.',
        },
      ];
  const button = h(
    'button',
    { type: 'submit', class: 'button' },
    isLogin ? 'Sign in' : 'Create account',
  );
  const form = h('form', { novalidate: true, class: 'auth-form' }, fields.map(field), button);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    const raw = values(form);
    const parsed = isLogin ? ZLoginRequest.safeParse(raw) : ZRegisterRequest.safeParse(raw);
    if (!parsed.success) return showErrors(form, issuesOf(parsed.error));
    button.disabled = true;
    button.textContent = isLogin ? 'Signing in…' : 'Creating your account…';
    try {
      if (isLogin)
        await call(accountsContracts.login, { body: parsed.data as z.infer<typeof ZLoginRequest> });
      else {
        await call(accountsContracts.register, {
          body: parsed.data as z.infer<typeof ZRegisterRequest>,
        });
        // New residents join the area they came to play in.
        const slug =
          new URLSearchParams(location.search).get('area') ??
          slugInPath(next.split(/[?#]/)[0]!) ??
          rememberedArea() ??
          (await call(areasContracts.listAreas)).items[0]?.slug;
        if (slug) await call(areasContracts.joinArea, { params: { slug } }).catch(() => undefined);
      }
      go(next);
    } catch (err) {
      button.disabled = false;
      button.textContent = isLogin ? 'Sign in' : 'Create account';
      showErrors(form, err);
    }
  });
  root.replaceChildren(
    h('header', { class: 'site-header' }, h('a', { class: 'brand', href: '/' }, 'GovCraft')),
    h(
      'main',
      { id: 'main', class: 'auth-page' },
      h('h1', {}, isLogin ? 'Sign in' : 'Create an account'),
      isLogin
        ? h('p', {}, 'Sign in to join quests, earn XP and race your neighbours.')
        : h('p', {}, 'Take on real local problems with your neighbours. It takes a minute.'),
      form,
      isLogin ? h('p', {}, h('a', { href: '/forgot-password' }, 'Forgot your password?')) : null,
      h(
        'p',
        {},
        isLogin
          ? [
              'New here? ',
              h(
                'a',
                { href: `/register${next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}` },
                'Create an account',
              ),
            ]
          : ['Already playing? ', h('a', { href: '/login' }, 'Sign in')],
      ),
    ),
  );
  form.querySelector('input')?.focus();
}
