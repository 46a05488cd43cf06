/** The notification list: newest first, unread marked, each a link to what it is about. */
import {
  mailContracts,
  notificationsContracts,
  type MeResponse,
  type Notification,
} from '@govcraft/shared';
import { call } from '../net/call';
import { h, replaceChildren } from '../ui/dom';
import { errorMessage } from '../ui/errors';
import { agoText } from './labels';

export interface ListDeps {
  me: MeResponse;
  /** Opens a quest in the app; answers false when the link should be followed instead. */
  open(link: string): boolean;
  setUnread(n: number): void;
}

const questIdOf = (link: string) => /^\/\?quest=([0-9a-f-]{36})$/.exec(link)?.[1] ?? null;
export { questIdOf };

function verifyBanner(me: MeResponse): HTMLElement | null {
  if (me.emailVerified) return null;
  const status = h('p', { role: 'status', class: 'hint' });
  const resend = h('button', { type: 'button', class: 'link-button' }, 'Send the link again');
  resend.addEventListener('click', async () => {
    resend.disabled = true;
    try {
      status.textContent = (await call(mailContracts.resendVerification)).message;
    } catch (err) {
      status.textContent = errorMessage(err);
      resend.disabled = false;
    }
  });
  return h(
    'div',
    { class: 'notif-verify' },
    h('p', {}, `Confirm ${me.email} to vouch for neighbours and vote. Check your inbox.`),
    resend,
    status,
  );
}

export function notificationList(deps: ListDeps) {
  const list = h('ul', { class: 'notif-list', 'aria-label': 'Notifications' });
  const empty = h(
    'p',
    { class: 'hint' },
    'Nothing yet. New quests near you and news about your evidence will show up here.',
  );
  const markAll = h('button', { type: 'button', class: 'link-button' }, 'Mark all as read');
  const el = h('div', { class: 'notif-view' }, verifyBanner(deps.me), markAll, list, empty);
  let items: Notification[] = [];

  async function markRead(n: Notification) {
    if (n.readAt) return;
    const done = await call(notificationsContracts.markNotificationRead, {
      params: { notificationId: n.id },
    });
    items = items.map((x) => (x.id === n.id ? done : x));
    render();
  }

  function row(n: Notification): HTMLElement {
    const unread = !n.readAt;
    const body = [
      h('strong', { class: 'notif-title' }, n.title),
      h('span', { class: 'notif-body' }, n.body),
      h('time', { datetime: n.createdAt, class: 'notif-time' }, agoText(n.createdAt)),
      unread ? h('span', { class: 'visually-hidden' }, ' (unread)') : null,
    ];
    const main = n.link
      ? h('a', { href: n.link, class: 'notif-link' }, ...body)
      : h('div', { class: 'notif-link' }, ...body);
    main.addEventListener('click', (e) => {
      void markRead(n).catch(() => undefined);
      if (n.link && deps.open(n.link)) e.preventDefault();
    });
    const read = unread
      ? h(
          'button',
          {
            type: 'button',
            class: 'link-button notif-mark',
          },
          'Mark read',
          h('span', { class: 'visually-hidden' }, `: ${n.title}`),
        )
      : null;
    read?.addEventListener('click', () => void markRead(n));
    return h(
      'li',
      { class: 'notif-item', 'data-unread': String(unread), 'data-kind': n.kind },
      main,
      read,
    );
  }

  function render() {
    replaceChildren(list, items.map(row));
    empty.hidden = items.length > 0;
    markAll.hidden = !items.some((n) => !n.readAt);
  }

  markAll.addEventListener('click', async () => {
    const { unread } = await call(notificationsContracts.markAllNotificationsRead);
    const now = new Date().toISOString();
    items = items.map((n) => ({ ...n, readAt: n.readAt ?? now }));
    deps.setUnread(unread);
    render();
  });

  return {
    el,
    async load() {
      const page = await call(notificationsContracts.listNotifications, { query: { limit: 30 } });
      items = page.items;
      deps.setUnread(page.unread);
      render();
    },
    /** A notification that arrived live while the list is open. */
    prepend(n: Notification) {
      items = [n, ...items.filter((x) => x.id !== n.id)];
      render();
    },
  };
}
