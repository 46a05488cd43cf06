/**
 * The service worker: the app shell precached, so GovCraft opens with no signal; the area
 * map and the quest list (both public) network-first, so the last ones seen show offline; no
 * other API answer is ever cached. A Background Sync sends the offline queue when the
 * connection returns, even with no GovCraft page open.
 */
import '../app/zod-without-eval';
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  precacheAndRoute,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { NetworkFirst } from 'workbox-strategies';
import { ExpirationPlugin } from 'workbox-expiration';
import { listQueued } from './queue-store';
import { flushQueue } from './send';
import { SYNC_TAG } from './sync-tag';

interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface SyncEvent extends ExtendableEvent {
  tag: string;
}
declare global {
  /** Filled in at build time by vite-plugin-pwa with the files to precache. */
  interface Window {
    __WB_MANIFEST: { url: string; revision: string | null }[];
  }
}
interface WorkerScope {
  addEventListener(type: 'sync', listener: (e: SyncEvent) => void): void;
  addEventListener(type: 'install' | 'activate', listener: (e: ExtendableEvent) => void): void;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
}
const worker = self as unknown as WorkerScope;

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Every page of the single-page app is the same shell; the server's own paths are not.
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('/index.html'), {
    denylist: [/^\/api\//, /^\/socket\.io\//, /^\/open311\//, /^\/metrics$/],
  }),
);

/** The last few areas' answers are enough: a resident plays in one or two. */
const lastFew = () => new ExpirationPlugin({ maxEntries: 8, maxAgeSeconds: 7 * 24 * 3600 });
const sameOriginGet = (url: URL, method: string, pattern: RegExp) =>
  method === 'GET' && url.origin === location.origin && pattern.test(url.pathname);

// The areas list and an area's public details: the app needs them to start at all offline.
registerRoute(
  ({ url, request }) => sameOriginGet(url, request.method, /^\/api\/areas(\/[^/]+)?$/),
  new NetworkFirst({ cacheName: 'govcraft-areas', networkTimeoutSeconds: 8, plugins: [lastFew()] }),
);
registerRoute(
  ({ url, request }) => sameOriginGet(url, request.method, /^\/api\/areas\/[^/]+\/map$/),
  new NetworkFirst({ cacheName: 'govcraft-map', networkTimeoutSeconds: 8, plugins: [lastFew()] }),
);
registerRoute(
  ({ url, request }) => sameOriginGet(url, request.method, /^\/api\/areas\/[^/]+\/quests$/),
  new NetworkFirst({
    cacheName: 'govcraft-quests',
    networkTimeoutSeconds: 8,
    plugins: [lastFew()],
  }),
);

worker.addEventListener('install', () => void worker.skipWaiting());
worker.addEventListener('activate', (e) => e.waitUntil(worker.clients.claim()));

/** Sends what is waiting; failing while some still waits asks the browser to retry later. */
async function sendQueue(): Promise<void> {
  await flushQueue();
  const left = (await listQueued()).some((item) => item.state === 'waiting');
  if (left) throw new Error('evidence still waiting for a connection');
}

worker.addEventListener('sync', (e) => {
  if (e.tag === SYNC_TAG) e.waitUntil(sendQueue());
});
