/**
 * Reading quests: one quest (hidden ones only for officers and the proposer), the map's
 * keyset pages of public quests, and the officers' management pages.
 */
import {
  PUBLIC_QUEST_STATUSES,
  type ManageQuestsQuery,
  type MapQuest,
  type MapQuestPage,
  type Quest,
  type QuestListQuery,
  type QuestPage,
  type QuestStatus,
  type Superpower,
} from '@govcraft/shared';
import type { Infra } from '../../context';
import { AppError, notFound } from '../../lib/errors';
import type { Actor } from '../accounts/actor';
import type { AreasService } from '../areas/service';
import { decodeCursor, encodeCursor, ZManageCursor, ZMapCursor } from './cursor';
import { present, presentMany, rowOrThrow } from './model';
import * as repo from './repo';

/** A map marker: no completion count, so the map layer costs one query. */
function presentOnMap(row: repo.MapLayerRow): MapQuest {
  return {
    id: row.id,
    title: row.title,
    location: { lat: row.lat, lng: row.lng, radiusM: row.radiusM },
    status: row.status as QuestStatus,
    xp: row.xp,
    superpowers: row.superpowers as Superpower[],
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    teamSize: row.teamSize,
  };
}

export interface QueriesDeps {
  areas: Pick<AreasService, 'idOfSlug'>;
  authorise: (actor: Actor, role: 'officer', areaId: string) => Promise<void>;
}

export function createQueries(infra: Pick<Infra, 'db'>, deps: QueriesDeps) {
  const { db } = infra;

  /** Public unless not yet (or no longer) public: then officers and the proposer only. */
  async function view(actor: Actor | null, questId: string): Promise<Quest> {
    const row = await rowOrThrow(db, questId);
    if (PUBLIC_QUEST_STATUSES.includes(row.status as QuestStatus)) return present(db, row);
    if (actor && row.proposedBy === actor.userId) return present(db, row);
    try {
      if (!actor) throw notFound('quest');
      await deps.authorise(actor, 'officer', row.areaId);
    } catch {
      // Hidden quests are indistinguishable from missing ones for everybody else.
      throw notFound('quest');
    }
    return present(db, row);
  }

  /** A page and the cursor after it; a full page plus one row means there is more. */
  async function pageOf<R extends repo.QuestRow>(
    rows: R[],
    limit: number,
    keyOf: (r: R) => unknown[],
  ) {
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: await presentMany(db, page),
      nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null,
    };
  }

  /** The map query of one page (plus one row when more follow), after the status check. */
  async function mapQueryOf(
    actor: Actor | null,
    areaSlug: string,
    query: QuestListQuery,
  ): Promise<repo.MapQuery> {
    const areaId = await deps.areas.idOfSlug(areaSlug);
    if (query.status && !PUBLIC_QUEST_STATUSES.includes(query.status)) {
      if (!actor)
        throw new AppError('unauthenticated', 'sign in as an officer to see these quests');
      await deps.authorise(actor, 'officer', areaId);
    }
    const after = query.cursor ? decodeCursor(ZMapCursor, query.cursor) : undefined;
    return {
      areaId,
      statuses: query.status ? [query.status] : PUBLIC_QUEST_STATUSES,
      bbox: query.bbox,
      superpower: query.superpower,
      after: after && { lng: after[0], lat: after[1], id: after[2] },
      limit: query.limit,
    };
  }

  const mapKey = (r: repo.MapLayerRow) => [r.lng, r.lat, r.id];

  async function mapPage(
    actor: Actor | null,
    areaSlug: string,
    query: QuestListQuery,
  ): Promise<QuestPage> {
    const rows = await repo.listMapPage(db, await mapQueryOf(actor, areaSlug, query));
    return pageOf(rows, query.limit, mapKey);
  }

  /** The map layer: the same rows and keyset as `mapPage`, only the fields markers draw. */
  async function mapLayer(
    actor: Actor | null,
    areaSlug: string,
    query: QuestListQuery,
  ): Promise<MapQuestPage> {
    const rows = await repo.listMapLayer(db, await mapQueryOf(actor, areaSlug, query));
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return {
      items: page.map(presentOnMap),
      nextCursor: rows.length > query.limit && last ? encodeCursor(mapKey(last)) : null,
    };
  }

  async function managePage(areaSlug: string, query: ManageQuestsQuery): Promise<QuestPage> {
    const areaId = await deps.areas.idOfSlug(areaSlug);
    const before = query.cursor ? decodeCursor(ZManageCursor, query.cursor) : undefined;
    const rows = await repo.listManagePage(db, {
      areaId,
      status: query.status,
      before: before && { createdAt: new Date(before[0]), id: before[1] },
      limit: query.limit,
    });
    return pageOf(rows, query.limit, (r) => [r.createdAt.toISOString(), r.id]);
  }

  return {
    view,
    mapPage,
    mapLayer,
    managePage,
    proposals: (areaSlug: string, query: Omit<ManageQuestsQuery, 'status'>) =>
      managePage(areaSlug, { ...query, status: 'proposed' }),
    /** 404 when missing. */
    get: async (questId: string) => present(db, await rowOrThrow(db, questId)),
    areaIdOf: async (questId: string) => (await rowOrThrow(db, questId)).areaId,
    completionsOf: async (questId: string) =>
      (await repo.completionCounts(db, [questId])).get(questId) ?? 0,
  };
}
