/**
 * Takes one outside request: its link and its quest commit in one transaction, and the
 * link's unique key means a request polled twice (or by two workers at once) is taken once.
 * A request the area cannot use (outside it, a service not taken, unusable text) is linked
 * with the reason, so it is not fetched as new again.
 */
import { ZProposeQuestRequest, type IntegrationServiceRule } from '@govcraft/shared';
import type { Infra } from '../../context';
import { systemActor } from '../accounts/actor';
import type { QuestsService } from '../quests/service';
import type { IncomingRequest } from './adapter';
import * as repo from './repo';

const DAY_MS = 24 * 60 * 60 * 1000;
/** How long a quest from an outside request stays open once published. */
const QUEST_WINDOW_MS = 30 * DAY_MS;
const QUEST_RADIUS_M = 50;

export type TakeOutcome = 'created' | 'skipped' | 'taken already';

export type ImportingQuests = Pick<QuestsService, 'importQuest' | 'afterImport' | 'isInsideArea'>;

const shorten = (text: string, max: number) =>
  text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;

function questInput(
  c: repo.ConnectionRow,
  rule: IntegrationServiceRule,
  r: IncomingRequest,
  now: Date,
) {
  const description = r.description.trim() || `Request ${r.remoteId} from ${c.name}.`;
  return ZProposeQuestRequest.safeParse({
    title: shorten(`${description.split('\n')[0]}`, 120).padEnd(3, '.'),
    problem: [
      description,
      r.address ? `Where: ${r.address}` : '',
      `From ${c.name}, request ${r.remoteId}.`,
    ]
      .filter(Boolean)
      .join('\n\n'),
    desiredOutcome: `The problem reported to ${c.name} is fixed.`,
    location: { lat: r.lat, lng: r.lng, radiusM: QUEST_RADIUS_M },
    startsAt: now.toISOString(),
    endsAt: new Date(now.getTime() + QUEST_WINDOW_MS).toISOString(),
    superpowers: [rule.superpower],
    evidenceRules: { checkin: true, photo: true },
  });
}

export function createTaker(infra: Pick<Infra, 'db' | 'clock'>, quests: ImportingQuests) {
  async function skipReason(c: repo.ConnectionRow, r: IncomingRequest): Promise<string | null> {
    const rules = c.services as IntegrationServiceRule[];
    if (!rules.some((s) => s.code === r.serviceCode))
      return `service ${r.serviceCode} is not taken`;
    if (r.lat === null || r.lng === null) return 'the request has no location';
    if (!(await quests.isInsideArea(c.areaId, { lat: r.lat, lng: r.lng })))
      return 'outside the area';
    return null;
  }

  async function take(c: repo.ConnectionRow, r: IncomingRequest): Promise<TakeOutcome> {
    const reason = await skipReason(c, r);
    const rule = (c.services as IntegrationServiceRule[]).find((s) => s.code === r.serviceCode);
    const parsed = rule ? questInput(c, rule, r, infra.clock.now()) : null;
    const result = await infra.db.transaction(async (tx) => {
      const link = await repo.insertLink(tx, {
        connectionId: c.id,
        remoteId: r.remoteId,
        requestedAt: r.requestedAt,
      });
      if (!link) return { outcome: 'taken already' as const };
      if (reason || !rule || !parsed?.success) {
        const why =
          reason ??
          `the request cannot become a quest: ${parsed?.error?.issues[0]?.message ?? 'no rule'}`;
        await repo.setLinkQuest(tx, link.id, null, why);
        return { outcome: 'skipped' as const };
      }
      const quest = await quests.importQuest(tx, systemActor(`${c.kind}:${c.id}`), {
        ...parsed.data,
        areaId: c.areaId,
        as: rule.autoPublish ? 'published' : 'draft',
      });
      await repo.setLinkQuest(tx, link.id, quest.id, null);
      return { outcome: 'created' as const, quest };
    });
    if (result.outcome === 'created') await quests.afterImport(result.quest);
    return result.outcome;
  }

  return { take };
}
