/**
 * Digest emails: a repeatable sweep finds windows that are over, claims each person's window
 * once (a unique row per person and window) and mails everything it held in one message.
 * Quiet hours hold a due digest until they end; the next sweep sends it.
 */
import { isQuietAt } from '@govcraft/shared';
import type { Infra } from '../../context';
import type { MailService } from '../mail/service';
import { loadContext, type Delivery } from './deliver';
import { jobIdPart, quietHoursOf } from './model';
import * as repo from './repo';

const BATCH = 200;
/** A digest lists this many items; the rest are counted and waiting in the app. */
const MAX_LISTED = 300;

export interface DigestDeps {
  mail: Pick<MailService, 'send' | 'link'>;
  unsubscribeLinks: Delivery['unsubscribeLinks'];
}

export function createDigests(infra: Pick<Infra, 'db' | 'clock' | 'logger'>, deps: DigestDeps) {
  async function sendOne(userId: string, window: string, areaId: string | null, now: Date) {
    const ctx = await loadContext(infra.db, [userId], areaId ? [areaId] : []);
    const person = ctx.people.get(userId);
    const area = ctx.areaFor(userId, areaId);
    if (isQuietAt(now, area.timezone, quietHoursOf(ctx.settingsOf(userId)))) return false;
    return infra.db.transaction(async (tx) => {
      const rows = await repo.takeDigestRows(tx, userId, window);
      if (rows.length === 0) return false;
      // A second claim of the same window finds the row taken: its rows are simply let go.
      if (!(await repo.claimDigest(tx, userId, window, rows.length))) return false;
      if (!person?.email || !person.emailVerified) return false;
      rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
      const listed = rows.slice(0, MAX_LISTED);
      const more = rows.length - listed.length;
      const period = window.startsWith('daily:') ? 'today' : 'this week';
      await deps.mail.send(
        {
          to: person.email,
          areaName: area.name,
          subject: `Your GovCraft digest: ${rows.length} update${rows.length === 1 ? '' : 's'}`,
          paragraphs: [
            `Hello ${person.displayName},`,
            `Here is what happened ${period === 'today' ? 'on the day' : 'in the week'} (${window.split(':')[1]}):`,
          ],
          items: [
            ...listed.map((r) => ({
              text: `${r.title}: ${r.body}`,
              url: r.link ? deps.mail.link(r.link) : null,
            })),
            ...(more > 0 ? [{ text: `…and ${more} more in the app` }] : []),
          ],
          action: { label: 'Open GovCraft', url: deps.mail.link('/') },
          unsubscribe: deps.unsubscribeLinks(userId, 'all'),
        },
        { jobId: `digest-${userId}-${jobIdPart(window)}` },
      );
      return true;
    });
  }

  /** Sends every digest whose window is over; safe to run on several nodes at once. */
  async function sendDueDigests(now: Date = infra.clock.now()): Promise<{ sent: number }> {
    const due = await repo.dueDigests(infra.db, now, BATCH);
    const seen = new Set<string>();
    let sent = 0;
    for (const { userId, window, areaId } of due) {
      if (!window || seen.has(`${userId} ${window}`)) continue;
      seen.add(`${userId} ${window}`);
      if (await sendOne(userId, window, areaId, now)) sent += 1;
    }
    if (sent > 0) infra.logger.info({ sent }, 'digests sent');
    return { sent };
  }

  return { sendDueDigests };
}
