/**
 * Service request updates (mySociety's extension): every status a request has had. Ours are
 * recorded as quests move (a domain-event listener); another system's come in through
 * POST servicerequestupdates, once per its update_id however often it retries.
 */
import {
  OPEN311_DEFAULT_DAYS,
  OPEN311_MAX_REQUESTS,
  open311StatusOf,
  open311StatusOfUpdate,
  questStatusNote,
  type Area,
  type Open311PostUpdateBody,
  type Open311RequestUpdate,
} from '@govcraft/shared';
import type { Infra } from '../../context';
import { AppError, notFound } from '../../lib/errors';
import type { QuestStatusChangedFact } from '../quests/facts';
import { isoWithOffset } from './dates';
import * as repo from './repo';

const DAY_MS = 24 * 60 * 60 * 1000;

const present = (area: Area, u: repo.UpdateRow): Open311RequestUpdate => ({
  update_id: String(u.id),
  service_request_id: u.questId,
  status: u.status.toUpperCase(),
  updated_datetime: isoWithOffset(u.at, area.timezone),
  description: u.description,
  media_url: u.mediaUrl,
});

export function createUpdates(infra: Pick<Infra, 'db' | 'clock'>) {
  const now = () => infra.clock.now();

  async function list(area: Area, query: { start_date?: string; end_date?: string }) {
    const to = query.end_date ? new Date(query.end_date) : undefined;
    const from = query.start_date
      ? new Date(query.start_date)
      : new Date((to ?? now()).getTime() - OPEN311_DEFAULT_DAYS * DAY_MS);
    const rows = await repo.updatesBetween(infra.db, area.id, from, to, OPEN311_MAX_REQUESTS);
    return rows.map((u) => present(area, u));
  }

  /** A status posted by another system; a repeated update_id answers the first one's id. */
  async function post(area: Area, body: Open311PostUpdateBody) {
    const id = body.service_request_id;
    if (!id) throw AppError.field('service_request_id', 'service_request_id was not provided');
    const status = body.status ? open311StatusOfUpdate(body.status) : null;
    if (!status) throw AppError.field('status', 'status must be open, closed or an extended state');
    const [request] = await repo.requestRows(infra.db, area.id, { ids: [id], limit: 1 });
    if (!request) throw notFound(`service_request_id ${id}`);
    const remoteUpdateId = body.update_id?.trim() || null;
    const values = {
      areaId: area.id,
      questId: request.quest.id,
      status,
      description: body.description?.trim() ?? '',
      mediaUrl: body.media_url ?? null,
      source: 'remote',
      remoteUpdateId,
      at: body.updated_datetime ? new Date(body.updated_datetime) : now(),
    };
    const inserted = await repo.insertUpdate(infra.db, values);
    const row =
      inserted ??
      (remoteUpdateId
        ? await repo.updateByRemoteId(infra.db, request.quest.id, remoteUpdateId)
        : null);
    if (!row) throw new AppError('conflict', 'the update could not be recorded');
    return [{ update_id: String(row.id) }];
  }

  /** Listener: our own quest moved, so its request has a new status. */
  async function recordQuestMove(fact: QuestStatusChangedFact) {
    await repo.insertUpdate(infra.db, {
      areaId: fact.areaId,
      questId: fact.questId,
      status: open311StatusOf(fact.to),
      description: questStatusNote(fact.to, fact.reason),
      source: 'govcraft',
      at: new Date(fact.at),
    });
  }

  return { list, post, recordQuestMove };
}
