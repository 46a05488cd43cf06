/** Short announcements: polite live region for status, with motion only when allowed. */
import { h, prefersReducedMotion } from './dom';

let region: HTMLElement | null = null;

function toastRegion(): HTMLElement {
  if (region?.isConnected) return region;
  region = h('div', { class: 'toasts', role: 'status', 'aria-live': 'polite' });
  document.body.append(region);
  return region;
}

export function toast(
  text: string,
  kind: 'info' | 'success' | 'celebrate' | 'error' = 'info',
): void {
  const calm = prefersReducedMotion();
  const el = h('div', { class: `toast toast--${kind}${calm ? '' : ' toast--animated'}` }, text);
  toastRegion().append(el);
  setTimeout(() => el.remove(), kind === 'error' ? 8000 : 5000);
}

/** XP landing: a burst that flies to the HUD, or only the toast under reduced motion. */
export function celebrateXp(amount: number, target: HTMLElement | null): void {
  toast(`+${amount} XP — well done!`, 'celebrate');
  if (prefersReducedMotion() || !target) return;
  const rect = target.getBoundingClientRect();
  const burst = h('div', { class: 'xp-burst', 'aria-hidden': 'true' }, `+${amount} XP`);
  burst.style.setProperty('--to-x', `${rect.left + rect.width / 2 - window.innerWidth / 2}px`);
  burst.style.setProperty('--to-y', `${rect.top + rect.height / 2 - window.innerHeight / 2}px`);
  document.body.append(burst);
  burst.addEventListener('animationend', () => burst.remove());
  setTimeout(() => burst.remove(), 2500);
}
