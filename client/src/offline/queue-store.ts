/**
 * Evidence captured without a connection, kept in IndexedDB so it survives a reload, the
 * browser closing or the phone killing the tab. Each item holds everything the upload needs,
 * the photo as a Blob, and the device time it was captured.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Checkin } from '@govcraft/shared';

export interface QueuedEvidence {
  id: string;
  questId: string;
  questTitle: string;
  checkin: Checkin | null;
  text: string | null;
  photo: Blob | null;
  /** Device clock when the resident captured it; the server corrects it by the clock offset. */
  capturedAt: string;
  /** `waiting` is sent when the connection returns; `refused` waits for the resident to read why. */
  state: 'waiting' | 'refused';
  /** Why the server refused it, in words for the resident. */
  message: string | null;
}

interface OfflineDb extends DBSchema {
  evidence: { key: string; value: QueuedEvidence; indexes: { byCapture: string } };
}

const DB_NAME = 'govcraft-offline';
let opened: Promise<IDBPDatabase<OfflineDb>> | null = null;

function db(): Promise<IDBPDatabase<OfflineDb>> {
  opened ??= openDB<OfflineDb>(DB_NAME, 1, {
    upgrade(database) {
      const store = database.createObjectStore('evidence', { keyPath: 'id' });
      store.createIndex('byCapture', 'capturedAt');
    },
  });
  return opened;
}

/** Tells every open page of the app (and the service worker) that the queue changed. */
const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(DB_NAME);
const listeners = new Set<() => void>();
channel?.addEventListener('message', () => listeners.forEach((l) => l()));
function changed(): void {
  listeners.forEach((l) => l());
  channel?.postMessage('changed');
}

export function onQueueChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export async function enqueueEvidence(
  item: Omit<QueuedEvidence, 'id' | 'state' | 'message'>,
): Promise<QueuedEvidence> {
  const queued: QueuedEvidence = {
    ...item,
    id: crypto.randomUUID(),
    state: 'waiting',
    message: null,
  };
  await (await db()).put('evidence', queued);
  changed();
  return queued;
}

/** Oldest capture first, the order they are sent in. */
export async function listQueued(): Promise<QueuedEvidence[]> {
  return (await db()).getAllFromIndex('evidence', 'byCapture');
}

export async function removeQueued(id: string): Promise<void> {
  await (await db()).delete('evidence', id);
  changed();
}

export async function markRefused(id: string, message: string): Promise<void> {
  const database = await db();
  const item = await database.get('evidence', id);
  if (!item) return;
  await database.put('evidence', { ...item, state: 'refused', message });
  changed();
}
