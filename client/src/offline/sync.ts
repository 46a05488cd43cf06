/**
 * When queued evidence is sent: at once when the page opens, whenever the browser says it is
 * back online, and, where the browser has Background Sync, by the service worker even after
 * the page is closed. A Web Lock in send.ts keeps pages and the worker from sending twice.
 */
import { flushQueue } from './send';
import { SYNC_TAG } from './sync-tag';

interface SyncRegistration extends ServiceWorkerRegistration {
  sync?: { register(tag: string): Promise<void> };
}

/** Asks the service worker to send the queue when the connection returns, where it can. */
export async function requestBackgroundSync(): Promise<void> {
  if (!('serviceWorker' in navigator)) return;
  const registration = (await navigator.serviceWorker.getRegistration()) as
    SyncRegistration | undefined;
  await registration?.sync?.register(SYNC_TAG).catch(() => undefined);
}

let started = false;

export function startSending(): void {
  if (started) return;
  started = true;
  const flush = () => void flushQueue().catch((err: unknown) => console.error(err));
  window.addEventListener('online', flush);
  if (navigator.onLine) flush();
}
