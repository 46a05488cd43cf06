/**
 * The one "must be signed in" guard. Panels that need an account ask `requireSignIn`;
 * without one it shows the sign-in prompt in their place. Every sign-in link is built here.
 */
import type { MeResponse } from '@govcraft/shared';
import { h, replaceChildren, type Child } from '../ui/dom';

export const REGISTER_PATH = '/register';

/** The sign-in page; after signing in the browser comes back to `next` (same site only). */
export function signInPath(next = '/'): string {
  return `/login?next=${next === '/' ? '/' : encodeURIComponent(next)}`;
}

export interface SignInPrompt {
  /** What signing in is for, after the words "Sign in": "to start or join a team." */
  reason: string;
  /**
   * `link`: "Sign in" as a link inside the sentence; `button`: one button carrying the
   * whole sentence; `invite`: the sentence, then a Sign in button and a register link.
   */
  look?: 'link' | 'button' | 'invite';
  /** Class of the `link` paragraph (e.g. `hint`). */
  className?: string;
}

export function signInPrompt({ reason, look = 'link', className }: SignInPrompt): Node {
  const href = signInPath();
  if (look === 'button') return h('a', { class: 'button', href }, `Sign in ${reason}`);
  if (look === 'invite') {
    const both = document.createDocumentFragment();
    both.append(
      h('p', {}, `Sign in ${reason}`),
      h(
        'p',
        {},
        h('a', { class: 'button', href }, 'Sign in'),
        ' ',
        h('a', { href: REGISTER_PATH }, 'Create an account'),
      ),
    );
    return both;
  }
  return h('p', { class: className }, h('a', { href }, 'Sign in'), ` ${reason}`);
}

/**
 * The account when someone is signed in; otherwise null, with `el` showing `before` (a
 * heading, a back link) and the sign-in prompt instead of the panel's content.
 */
export function requireSignIn(
  me: MeResponse | null,
  el: Element,
  prompt: SignInPrompt,
  ...before: Child[]
): MeResponse | null {
  if (me) return me;
  replaceChildren(el, ...before, signInPrompt(prompt));
  return null;
}

/** Pages that only make sense signed in (the console) send visitors to sign in first. */
export function redirectToSignIn(): void {
  location.assign(signInPath(location.pathname + location.search));
}
