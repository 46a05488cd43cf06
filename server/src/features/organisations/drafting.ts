/**
 * Pitches from an organisation's side: members draft, edit and submit; everyone reads
 * pitches past draft (drafts only their organisation's members and the area's officers).
 */
import type { PitchDraftRequest, UpdatePitchRequest } from '@govcraft/shared';
import type { Infra } from '../../context';
import { AppError, forbidden, notFound } from '../../lib/errors';
import type { Actor } from '../accounts/actor';
import type { AreasService } from '../areas/service';
import type { AuditService } from '../audit/service';
import type { QuestsService } from '../quests/service';
import { presentPitch, presentPitches } from './present';
import * as repo from './repo';

export interface DraftingDeps {
  areas: Pick<AreasService, 'idOfSlug'>;
  audit: Pick<AuditService, 'record'>;
  quests: Pick<QuestsService, 'isInsideArea'>;
  authorise: (actor: Actor, role: 'officer', areaId: string) => Promise<void>;
}

const pitchColumns = (input: UpdatePitchRequest) => ({
  title: input.title,
  summary: input.summary,
  outcome: input.outcome,
  budgetPence: input.budgetPence,
  deadline: new Date(input.deadline),
  lat: input.location.lat,
  lng: input.location.lng,
  radiusM: input.location.radiusM,
});

export function createDrafting(infra: Pick<Infra, 'db' | 'clock'>, deps: DraftingDeps) {
  const { db } = infra;

  async function requireMember(organisationId: string, userId: string) {
    if (!(await repo.roleInOrganisation(db, organisationId, userId))) {
      throw forbidden('only members of the organisation can pitch for it');
    }
  }

  async function checkPitch(areaId: string, input: UpdatePitchRequest) {
    if (Date.parse(input.deadline) <= infra.clock.now().getTime()) {
      throw AppError.field('deadline', 'the deadline must be in the future');
    }
    if (!(await deps.quests.isInsideArea(areaId, input.location))) {
      throw AppError.field('location', 'the spot is outside the area; choose a place inside it');
    }
  }

  async function create(userId: string, slug: string, input: PitchDraftRequest) {
    const areaId = await deps.areas.idOfSlug(slug);
    const org = await repo.findOrganisation(db, input.organisationId);
    if (!org || org.areaId !== areaId)
      throw AppError.field('organisationId', 'no such organisation in this area');
    await requireMember(org.id, userId);
    await checkPitch(areaId, input);
    const row = await db.transaction(async (tx) => {
      const inserted = await repo.insertPitch(
        tx,
        { areaId, organisationId: org.id, createdBy: userId, ...pitchColumns(input) },
        input.milestones,
      );
      await deps.audit.record(tx, {
        areaId,
        actorId: userId,
        action: 'pitch.create',
        entityType: 'pitch',
        entityId: inserted.id,
        after: { title: inserted.title, budgetPence: inserted.budgetPence },
      });
      return inserted;
    });
    return presentPitch(db, row);
  }

  async function draftOf(userId: string, pitchId: string) {
    const row = await repo.findPitch(db, pitchId);
    if (!row) throw notFound('pitch');
    await requireMember(row.organisationId, userId);
    if (row.status !== 'draft') {
      throw new AppError(
        'illegal_transition',
        `this pitch is ${row.status}; only a draft can change`,
      );
    }
    return row;
  }

  async function update(userId: string, pitchId: string, input: UpdatePitchRequest) {
    const row = await draftOf(userId, pitchId);
    await checkPitch(row.areaId, input);
    const after = await db.transaction(async (tx) => {
      const locked = await repo.findPitch(tx, pitchId, true);
      if (locked?.status !== 'draft')
        throw new AppError('illegal_transition', 'only a draft can change');
      const updated = await repo.updatePitch(tx, pitchId, pitchColumns(input));
      await repo.replaceMilestones(tx, pitchId, input.milestones);
      await deps.audit.record(tx, {
        areaId: row.areaId,
        actorId: userId,
        action: 'pitch.edit',
        entityType: 'pitch',
        entityId: pitchId,
        after: { title: updated.title, budgetPence: updated.budgetPence },
      });
      return updated;
    });
    return presentPitch(db, after);
  }

  /** Only a verified organisation's pitch goes to the officers. */
  async function submit(userId: string, pitchId: string) {
    const row = await draftOf(userId, pitchId);
    const org = await repo.findOrganisation(db, row.organisationId);
    if (!org?.verifiedAt) {
      throw new AppError('conflict', 'an officer must verify the organisation before it can pitch');
    }
    if (row.deadline.getTime() <= infra.clock.now().getTime()) {
      throw AppError.field('deadline', 'the deadline has passed; move it later first');
    }
    const after = await db.transaction(async (tx) => {
      const locked = await repo.findPitch(tx, pitchId, true);
      if (locked?.status !== 'draft')
        throw new AppError('illegal_transition', 'only a draft can be submitted');
      const updated = await repo.updatePitch(tx, pitchId, {
        status: 'submitted',
        submittedAt: infra.clock.now(),
      });
      await deps.audit.record(tx, {
        areaId: row.areaId,
        actorId: userId,
        action: 'pitch.submit',
        entityType: 'pitch',
        entityId: pitchId,
        before: { status: 'draft' },
        after: { status: 'submitted' },
      });
      return updated;
    });
    return presentPitch(db, after);
  }

  /** A draft is visible to its organisation's members and the area's officers only. */
  async function visible(pitchId: string, actor: Actor | null) {
    const row = await repo.findPitch(db, pitchId);
    if (!row) throw notFound('pitch');
    if (row.status !== 'draft') return row;
    if (actor && (await repo.roleInOrganisation(db, row.organisationId, actor.userId))) return row;
    if (actor) {
      const ok = await deps.authorise(actor, 'officer', row.areaId).then(
        () => true,
        () => false,
      );
      if (ok) return row;
    }
    throw notFound('pitch');
  }

  const get = async (pitchId: string, actor: Actor | null) =>
    presentPitch(db, await visible(pitchId, actor));

  async function list(slug: string, status?: string) {
    const areaId = await deps.areas.idOfSlug(slug);
    if (status === 'draft') return { items: [] };
    return { items: await presentPitches(db, await repo.pitchesInArea(db, areaId, status)) };
  }

  async function mine(userId: string, slug: string) {
    const areaId = await deps.areas.idOfSlug(slug);
    const orgIds = await repo.organisationIdsOf(db, userId);
    return {
      items: await presentPitches(db, await repo.pitchesOfOrganisations(db, areaId, orgIds)),
    };
  }

  async function ledger(pitchId: string, actor: Actor | null) {
    const row = await visible(pitchId, actor);
    const rows = await repo.ledgerOf(db, row.id);
    return {
      items: rows.map((r) => ({
        id: r.id,
        kind: r.kind as 'allocated' | 'released' | 'cancelled' | 'reversed',
        amountPence: r.amountPence,
        milestoneId: r.milestoneId,
        note: r.note,
        at: r.createdAt.toISOString(),
      })),
    };
  }

  return { create, update, submit, get, list, mine, ledger };
}
