/**
 * Offline play, started once by main.ts before any page: the service worker (app shell and
 * the last map data offline), the visible queue, and sending whatever is waiting.
 */
import { offlineQueueView } from './queue-view';
import { startSending } from './sync';

function registerServiceWorker(): void {
  // The worker is built with the client; the dev server has none. (PROD is not the test:
  // a build run under NODE_ENV=test is still a built client.)
  if (import.meta.env.MODE === 'development' || !('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch((err: unknown) => {
    console.error('service worker not registered', err);
  });
}

export function startOffline(): void {
  registerServiceWorker();
  document.getElementById('app')?.after(offlineQueueView());
  startSending();
}
