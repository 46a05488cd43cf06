/**
 * The offline queue, visible on every page while it holds anything: "2 waiting to send",
 * and on opening, each item with what it holds, when it was captured, why it was refused
 * (a quest that closed meanwhile) and a button to remove it.
 */
import { h, replaceChildren } from '../ui/dom';
import { dateTimeText } from '../ui/format';
import { listQueued, onQueueChange, removeQueued, type QueuedEvidence } from './queue-store';
import './queue.css';

const waitingWords = (n: number) => `${n} waiting to send`;

function parts(item: QueuedEvidence): string {
  const held = [
    item.checkin ? 'check-in' : null,
    item.photo ? 'photo' : null,
    item.text ? 'note' : null,
  ].filter((p): p is string => p !== null);
  return held.join(', ');
}

function itemView(item: QueuedEvidence): HTMLLIElement {
  const remove = h(
    'button',
    { type: 'button', class: 'button secondary' },
    'Remove',
    h('span', { class: 'visually-hidden' }, ` evidence for ${item.questTitle}`),
  );
  remove.addEventListener('click', () => void removeQueued(item.id));
  return h(
    'li',
    { class: `offline-item ${item.state}`, 'data-state': item.state },
    h('strong', {}, item.questTitle),
    h('span', { class: 'hint' }, `${parts(item)} · captured ${dateTimeText(item.capturedAt)}`),
    item.message ? h('p', { class: 'offline-refused', role: 'alert' }, item.message) : null,
    remove,
  );
}

function summaryText(items: QueuedEvidence[]): string {
  const waiting = items.filter((i) => i.state === 'waiting').length;
  const refused = items.length - waiting;
  const said = [waiting ? waitingWords(waiting) : null, refused ? `${refused} not sent` : null];
  return said.filter(Boolean).join(' · ');
}

/** Builds the queue panel; it hides itself while the queue is empty. */
export function offlineQueueView(): HTMLElement {
  const summary = h('summary', { class: 'offline-summary' });
  const list = h('ul', { class: 'offline-list' });
  const note = h(
    'p',
    { class: 'hint' },
    "Saved on this phone. We'll send everything here when you're back online, even after a reload or closing GovCraft.",
  );
  const details = h('details', { class: 'offline-queue-details' }, summary, note, list);
  const status = h('p', { class: 'visually-hidden', role: 'status' });
  const el = h(
    'section',
    { class: 'offline-queue', 'aria-label': 'Evidence waiting to send', hidden: true },
    details,
    status,
  );
  async function render() {
    const items = await listQueued();
    el.hidden = items.length === 0;
    summary.textContent = summaryText(items);
    status.textContent = items.length ? summary.textContent : '';
    replaceChildren(list, items.map(itemView));
  }
  onQueueChange(() => void render());
  void render();
  return el;
}
