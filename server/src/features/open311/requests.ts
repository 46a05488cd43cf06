/**
 * Service requests: quests seen through Open311 (GET requests, requests/{id}, tokens/{id})
 * and reports posted to us (POST requests), which land as proposals for officers.
 */
import { randomBytes } from 'node:crypto';
import {
  OPEN311_DEFAULT_DAYS,
  OPEN311_MAX_REQUESTS,
  ZProposeQuestRequest,
  open311StatusOf,
  type Area,
  type Open311CreateRequestBody,
  type Open311ServiceRequest,
} from '@govcraft/shared';
import type { Infra } from '../../context';
import { AppError, notFound } from '../../lib/errors';
import { systemActor } from '../accounts/actor';
import type { QuestsService } from '../quests/service';
import { DESIRED_OUTCOME, isServiceCode, serviceName } from './catalogue';
import { isoWithOffset } from './dates';
import * as repo from './repo';

const DAY_MS = 24 * 60 * 60 * 1000;
/** How long a reported problem stays open for residents before it closes by itself. */
const REPORT_WINDOW_MS = 30 * DAY_MS;
const REPORT_RADIUS_M = 50;

export interface RequestsQuery {
  service_request_id?: string;
  service_code?: string;
  start_date?: string;
  end_date?: string;
  status?: string;
}

/** Cut to `max` characters at most, marking the cut. */
const shorten = (text: string, max: number) =>
  text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;

const list = (text: string | undefined) =>
  text
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);

export function toServiceRequest(area: Area, row: repo.RequestRow): Open311ServiceRequest {
  const q = row.quest;
  const at = (d: Date) => isoWithOffset(d, area.timezone);
  const updated =
    row.lastUpdateAt && row.lastUpdateAt > q.updatedAt ? row.lastUpdateAt : q.updatedAt;
  const status = row.status === 'closed' ? 'closed' : open311StatusOf(row.status);
  return {
    service_request_id: q.id,
    status,
    status_notes: row.statusNotes ?? q.rejectionReason ?? null,
    service_name: serviceName(row.serviceCode),
    service_code: row.serviceCode,
    description: q.problem,
    agency_responsible: area.name,
    service_notice: null,
    requested_datetime: at(q.createdAt),
    updated_datetime: at(updated),
    expected_datetime: status === 'open' ? at(q.endsAt) : null,
    address: row.report?.address ?? null,
    address_id: null,
    zipcode: null,
    lat: q.lat,
    long: q.lng,
    media_url: row.report?.mediaUrl ?? null,
  };
}

export function createRequests(
  infra: Pick<Infra, 'db' | 'clock'>,
  deps: { quests: Pick<QuestsService, 'importQuest' | 'afterImport' | 'isInsideArea'> },
) {
  const now = () => infra.clock.now();

  async function search(area: Area, query: RequestsQuery) {
    const ids = list(query.service_request_id);
    const to = query.end_date ? new Date(query.end_date) : undefined;
    const from = query.start_date
      ? new Date(query.start_date)
      : new Date((to ?? now()).getTime() - OPEN311_DEFAULT_DAYS * DAY_MS);
    if (to && from.getTime() > to.getTime()) {
      throw AppError.field('end_date', 'end_date must not be before start_date');
    }
    const rows = await repo.requestRows(infra.db, area.id, {
      ids,
      codes: list(query.service_code),
      from,
      to,
      statuses: list(query.status),
      limit: OPEN311_MAX_REQUESTS,
    });
    return rows.map((r) => toServiceRequest(area, r));
  }

  async function one(area: Area, id: string) {
    const [found] = await repo.requestRows(infra.db, area.id, { ids: [id], limit: 1 });
    if (!found) throw notFound('service_request_id');
    return [toServiceRequest(area, found)];
  }

  async function byToken(area: Area, token: string) {
    const report = await repo.reportByToken(infra.db, area.id, token);
    if (!report) throw notFound('token');
    return [{ service_request_id: report.questId, token: report.token }];
  }

  /** A posted report becomes a proposal; the organisation's key was checked by the caller. */
  async function create(area: Area, apiKeyId: string, body: Open311CreateRequestBody) {
    const code = body.service_code;
    if (!code) throw AppError.field('service_code', 'service_code was not provided');
    if (!isServiceCode(code)) throw notFound(`service_code ${code}`);
    if (body.lat === undefined || body.long === undefined) {
      throw AppError.field('lat', 'lat and long are required in this jurisdiction');
    }
    const point = { lat: body.lat, lng: body.long };
    if (!(await deps.quests.isInsideArea(area.id, point))) {
      throw AppError.field('lat', `the location is outside ${area.name}`);
    }
    const description = body.description?.trim() || `A problem reported as ${serviceName(code)}.`;
    const outcome = body.attribute?.[DESIRED_OUTCOME];
    const start = now();
    const parsed = ZProposeQuestRequest.safeParse({
      title: shorten(`${serviceName(code)}: ${description.split('\n')[0]}`, 120),
      problem: description.padEnd(10, '.'),
      desiredOutcome:
        (typeof outcome === 'string' && outcome.trim()) || 'The reported problem is fixed.',
      location: { ...point, radiusM: REPORT_RADIUS_M },
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + REPORT_WINDOW_MS).toISOString(),
      superpowers: [code],
      evidenceRules: { checkin: true, photo: true },
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw AppError.field('description', `${issue.path.join('.')}: ${issue.message}`);
    }
    const token = randomBytes(12).toString('base64url');
    const row = await infra.db.transaction(async (tx) => {
      const quest = await deps.quests.importQuest(tx, systemActor('open311:report'), {
        ...parsed.data,
        areaId: area.id,
        as: 'proposed',
      });
      await repo.insertReport(tx, {
        questId: quest.id,
        areaId: area.id,
        apiKeyId,
        serviceCode: code,
        token,
        address: body.address_string?.trim() || null,
        mediaUrl: body.media_url ?? null,
      });
      return quest;
    });
    await deps.quests.afterImport(row);
    return [
      {
        service_request_id: row.id,
        token,
        service_notice: 'Officers will decide whether this becomes a quest.',
        account_id: body.account_id ?? null,
      },
    ];
  }

  return { search, one, byToken, create };
}
