/** The repeatable sweeps: digests, quest reminders and officers' review reminders. */
import { defineSweepJob } from '../../jobs/registry';

export const DIGEST_SWEEP_EVERY_MS = 5 * 60_000;
export const REMINDER_SWEEP_EVERY_MS = 10 * 60_000;

export function notificationSweeps(run: {
  sendDueDigests: () => Promise<unknown>;
  questsSoon: () => Promise<unknown>;
  reviewWaiting: () => Promise<unknown>;
}) {
  return [
    defineSweepJob('notifications.digests', DIGEST_SWEEP_EVERY_MS, () => run.sendDueDigests()),
    defineSweepJob('notifications.quests-soon', REMINDER_SWEEP_EVERY_MS, () => run.questsSoon()),
    defineSweepJob('notifications.review-waiting', REMINDER_SWEEP_EVERY_MS, () =>
      run.reviewWaiting(),
    ),
  ];
}
