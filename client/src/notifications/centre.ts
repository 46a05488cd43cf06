/**
 * The notification centre in the header: a bell with the unread count (kept live over
 * Socket.IO and announced politely to screen readers), opening a panel with the list and the
 * settings. Escape closes it and gives focus back to the bell.
 */
import { notificationsContracts, type MeResponse } from '@govcraft/shared';
import type { Realtime } from '../net/socket';
import { call } from '../net/call';
import { h, replaceChildren } from '../ui/dom';
import { loadOrExplain } from '../ui/errors';
import { notificationList, questIdOf } from './list';
import { notificationSettings, type SettingsDeps } from './settings';
import './notifications.css';

export interface CentreDeps extends SettingsDeps {
  me: MeResponse;
  realtime: Realtime;
  openQuest(questId: string): void;
  /** Opens a panel tab named in a link like `/?tab=story`; false when there is no such tab. */
  openTab(tab: string): boolean;
}

const BELL =
  '<svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false"><path d="M12 22a2.5 2.5 0 0 0 2.5-2.5h-5A2.5 2.5 0 0 0 12 22zm7-6V11a7 7 0 0 0-5.5-6.8V3.5a1.5 1.5 0 0 0-3 0v.7A7 7 0 0 0 5 11v5l-2 2v1h18v-1z" fill="currentColor"/></svg>';

export function mountNotificationCentre(slot: HTMLElement, deps: CentreDeps) {
  const count = h('span', { class: 'notif-count', 'aria-hidden': 'true' });
  const bell = h('button', {
    type: 'button',
    class: 'notif-bell',
    'aria-expanded': 'false',
    'aria-controls': 'notif-panel',
  });
  bell.innerHTML = BELL;
  bell.append(count);
  const announcer = h('p', { class: 'visually-hidden', 'aria-live': 'polite', role: 'status' });
  const body = h('div', { class: 'notif-panel-body' });
  const settingsButton = h('button', { type: 'button', class: 'link-button' }, 'Settings');
  const heading = h('h2', { tabindex: -1, id: 'notif-heading' }, 'Notifications');
  const panel = h(
    'section',
    { id: 'notif-panel', class: 'notif-panel', hidden: true, 'aria-labelledby': 'notif-heading' },
    h('div', { class: 'notif-panel-head' }, heading, settingsButton),
    body,
  );
  slot.replaceChildren(h('div', { class: 'notif' }, bell, announcer, panel));

  let unread = 0;
  function setUnread(n: number) {
    const changed = n !== unread;
    unread = n;
    count.textContent = n > 99 ? '99+' : n > 0 ? String(n) : '';
    bell.dataset.unread = String(n);
    bell.setAttribute('aria-label', n ? `Notifications, ${n} unread` : 'Notifications');
    if (changed) announcer.textContent = n ? `${n} unread notification${n === 1 ? '' : 's'}` : '';
  }
  setUnread(0);

  const list = notificationList({
    me: deps.me,
    setUnread,
    open(link) {
      const questId = questIdOf(link);
      const tab = /^\/\?tab=([a-z]+)$/.exec(link)?.[1];
      if (questId) deps.openQuest(questId);
      else if (!tab || !deps.openTab(tab)) return false;
      close();
      return true;
    },
  });
  let showing: 'list' | 'settings' = 'list';

  async function showList() {
    showing = 'list';
    settingsButton.textContent = 'Settings';
    replaceChildren(body, list.el);
    await list.load();
  }
  async function showSettings() {
    showing = 'settings';
    settingsButton.textContent = 'Back to notifications';
    await loadOrExplain(
      body,
      () => call(notificationsContracts.getNotificationPreferences),
      (p) => replaceChildren(body, notificationSettings(deps, p)),
    );
  }
  function open() {
    panel.hidden = false;
    bell.setAttribute('aria-expanded', 'true');
    heading.focus();
    void showList();
  }
  function close(returnFocus = false) {
    panel.hidden = true;
    bell.setAttribute('aria-expanded', 'false');
    if (returnFocus) bell.focus();
  }

  bell.addEventListener('click', () => (panel.hidden ? open() : close()));
  settingsButton.addEventListener(
    'click',
    () => void (showing === 'list' ? showSettings() : showList()),
  );
  panel.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') close(true);
  });

  const refresh = async () => {
    const page = await call(notificationsContracts.listNotifications, {
      query: { limit: 1, unreadOnly: 'true' },
    });
    setUnread(page.unread);
  };
  deps.realtime.on('notification:new', (e) => {
    setUnread(e.unread);
    if (!panel.hidden && showing === 'list') list.prepend(e.notification);
  });
  deps.realtime.on('notification:unread', (e) => setUnread(e.unread));
  deps.realtime.onConnect(() => void refresh().catch(() => undefined));
  void refresh().catch(() => undefined);
}
