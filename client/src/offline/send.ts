/**
 * Sends the queued evidence, oldest first, from a page or from the service worker (it uses
 * only fetch, so it runs in both). A Web Lock makes sure only one sender runs at a time
 * across tabs and the worker, so nothing is sent twice.
 */
import { evidenceContracts, pathOf } from '@govcraft/shared';
import { parseReply, toApiError } from '../net/api';
import { refusalOf } from './refusal';
import { listQueued, markRefused, removeQueued, type QueuedEvidence } from './queue-store';

export type SendResult = 'sent' | 'offline' | 'refused';

function formOf(item: QueuedEvidence, sentAt: Date): FormData {
  const form = new FormData();
  if (item.checkin) form.set('checkin', JSON.stringify(item.checkin));
  if (item.text) form.set('text', item.text);
  form.set('capturedAt', item.capturedAt);
  form.set('sentAt', sentAt.toISOString());
  if (item.photo) form.set('photo', item.photo, 'photo.jpg');
  return form;
}

async function sendOne(item: QueuedEvidence): Promise<SendResult> {
  const contract = evidenceContracts.submitEvidence;
  let res: Response;
  try {
    // fetch, not call(): call uploads through XMLHttpRequest, which a service worker lacks.
    res = await fetch(pathOf(contract.path, { questId: item.questId }), {
      method: 'POST',
      credentials: 'same-origin',
      headers: { accept: 'application/json' },
      body: formOf(item, new Date()),
    });
  } catch {
    return 'offline';
  }
  const body: unknown = await res.json().catch(() => undefined);
  if (res.ok) {
    parseReply(contract.response, body, 'queued evidence');
    await removeQueued(item.id);
    return 'sent';
  }
  const refusal = refusalOf(toApiError(res.status, body, res.headers.get('retry-after')));
  if (refusal === null) return 'offline';
  await markRefused(item.id, refusal);
  return 'refused';
}

async function sendAllWaiting(): Promise<number> {
  let sent = 0;
  for (const item of await listQueued()) {
    if (item.state !== 'waiting') continue;
    const result = await sendOne(item);
    if (result === 'offline') break;
    if (result === 'sent') sent += 1;
  }
  return sent;
}

/** Sends everything waiting; answers how many went through. */
export async function flushQueue(): Promise<number> {
  if (typeof navigator === 'undefined' || !('locks' in navigator)) return sendAllWaiting();
  return await navigator.locks.request('govcraft-evidence-queue', sendAllWaiting);
}
