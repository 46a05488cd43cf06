/**
 * Notification settings: per kind, in the app or not and how often by email; quiet hours;
 * and the place watched for new quests (where you are, or the middle of the area).
 */
import {
  NOTIFICATION_FREQUENCIES,
  NOTIFICATION_KINDS,
  notificationsContracts,
  type NotificationPreferences,
  type UpdateNotificationPreferences,
} from '@govcraft/shared';
import { call } from '../net/call';
import { h, uid } from '../ui/dom';
import { clearErrors, showErrors } from '../ui/errors';
import { FREQUENCY_LABELS, KIND_LABELS } from './labels';

export interface SettingsDeps {
  areaId: string;
  /** Where the person is, if the map found them; else the middle of the area. */
  here(): { lat: number; lng: number };
}

const DISTANCES = [250, 500, 1000, 2000, 5000];

function kindRow(kind: (typeof NOTIFICATION_KINDS)[number], prefs: NotificationPreferences) {
  const p = prefs.kinds[kind];
  const checkId = uid(`in-app-${kind}`);
  const selectId = uid(`email-${kind}`);
  return h(
    'div',
    { class: 'notif-kind', 'data-field': `kinds.${kind}` },
    h('p', { class: 'notif-kind-name', id: `${checkId}-name` }, KIND_LABELS[kind]),
    h(
      'label',
      { class: 'checkbox', for: checkId },
      h('input', { type: 'checkbox', id: checkId, name: `inApp-${kind}`, checked: p.inApp }),
      'In the app',
    ),
    h('label', { for: selectId, class: 'notif-email-label' }, 'Email'),
    h(
      'select',
      { id: selectId, name: `email-${kind}`, 'aria-describedby': `${checkId}-name` },
      NOTIFICATION_FREQUENCIES.map((f) =>
        h('option', { value: f, selected: p.email === f }, FREQUENCY_LABELS[f]),
      ),
    ),
  );
}

export function notificationSettings(deps: SettingsDeps, prefs: NotificationPreferences) {
  const status = h('p', { role: 'status', class: 'hint' });
  const quietOn = uid('quiet-on');
  const watchOn = uid('watch-on');
  const distanceId = uid('watch-distance');
  const fromId = uid('quiet-from');
  const untilId = uid('quiet-until');
  const form = h(
    'form',
    { novalidate: true, class: 'notif-settings' },
    h(
      'fieldset',
      { class: 'form-group', 'data-field': 'watch' },
      h('legend', {}, 'New quests near you'),
      h(
        'label',
        { class: 'checkbox', for: watchOn },
        h('input', { type: 'checkbox', id: watchOn, name: 'watchOn', checked: !!prefs.watch }),
        'Tell me about new quests near where I am now',
      ),
      h('label', { for: distanceId }, 'Within'),
      h(
        'select',
        { id: distanceId, name: 'radiusM' },
        DISTANCES.map((d) =>
          h(
            'option',
            { value: d, selected: (prefs.watch?.radiusM ?? 1000) === d },
            d < 1000 ? `${d} m` : `${d / 1000} km`,
          ),
        ),
      ),
    ),
    h(
      'fieldset',
      { class: 'form-group', 'data-field': 'quietHours' },
      h('legend', {}, 'Quiet hours'),
      h(
        'label',
        { class: 'checkbox', for: quietOn },
        h('input', { type: 'checkbox', id: quietOn, name: 'quietOn', checked: !!prefs.quietHours }),
        'No emails between',
      ),
      h('label', { for: fromId }, 'From'),
      h('input', {
        type: 'time',
        id: fromId,
        name: 'quietFrom',
        value: prefs.quietHours?.from ?? '22:00',
      }),
      h('label', { for: untilId }, 'Until'),
      h('input', {
        type: 'time',
        id: untilId,
        name: 'quietUntil',
        value: prefs.quietHours?.until ?? '07:00',
      }),
    ),
    h(
      'fieldset',
      { class: 'form-group' },
      h('legend', {}, 'What to tell me about'),
      NOTIFICATION_KINDS.map((k) => kindRow(k, prefs)),
    ),
    h('button', { type: 'submit', class: 'button' }, 'Save settings'),
    status,
    h('p', {}, h('a', { href: '/change-email' }, 'Change my email address')),
  );

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    const data = new FormData(form);
    const kinds = Object.fromEntries(
      NOTIFICATION_KINDS.map((k) => [
        k,
        { inApp: data.get(`inApp-${k}`) === 'on', email: String(data.get(`email-${k}`)) },
      ]),
    );
    const body = {
      kinds,
      quietHours:
        data.get('quietOn') === 'on'
          ? { from: String(data.get('quietFrom')), until: String(data.get('quietUntil')) }
          : null,
      watch:
        data.get('watchOn') === 'on'
          ? { areaId: deps.areaId, ...deps.here(), radiusM: Number(data.get('radiusM')) }
          : null,
    } as UpdateNotificationPreferences;
    try {
      await call(notificationsContracts.updateNotificationPreferences, { body });
      status.textContent = 'Settings saved.';
    } catch (err) {
      status.textContent = '';
      showErrors(form, err);
    }
  });
  return form;
}
