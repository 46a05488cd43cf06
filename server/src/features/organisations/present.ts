/**
 * Rows → public shapes. Several organisations or pitches are presented with one query per
 * table (members, confirmed contacts, milestones, money sums), never one per row.
 */
import type {
  Milestone,
  Organisation,
  OrganisationKind,
  Pitch,
  PitchStatus,
} from '@govcraft/shared';
import type { DbOrTx } from '../../db/client';
import * as repo from './repo';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** `viewerOrgIds`: organisations the viewer belongs to (they see the invite code). */
export async function presentOrganisations(
  db: DbOrTx,
  rows: repo.OrganisationRow[],
  viewerOrgIds: ReadonlySet<string> = new Set(),
): Promise<Organisation[]> {
  const members = await repo.membersOf(
    db,
    rows.map((r) => r.id),
  );
  const confirmed = await repo.confirmedEmails(
    db,
    rows.flatMap((r) => (r.contactUserId ? [r.contactUserId] : [])),
  );
  return rows.map((r) => ({
    id: r.id,
    areaId: r.areaId,
    name: r.name,
    kind: r.kind as OrganisationKind,
    description: r.description,
    status: r.verifiedAt ? 'verified' : 'pending',
    verifiedAt: iso(r.verifiedAt),
    createdAt: r.createdAt.toISOString(),
    members: members
      .filter((m) => m.organisationId === r.id)
      .map((m) => ({
        userId: m.userId,
        displayName: m.displayName,
        role: m.role as 'lead' | 'member',
      })),
    contactVerified: !!r.contactUserId && confirmed.has(r.contactUserId),
    inviteCode: viewerOrgIds.has(r.id) ? r.inviteCode : null,
  }));
}

function toMilestone(m: repo.MilestoneRow): Milestone {
  return {
    id: m.id,
    position: m.position,
    title: m.title,
    amountPence: m.amountPence,
    evidencedBy: m.evidencedBy,
    releasedAt: iso(m.releasedAt),
    evidence: m.evidence,
  };
}

export async function presentPitches(db: DbOrTx, rows: repo.PitchRow[]): Promise<Pitch[]> {
  const ids = rows.map((r) => r.id);
  const [milestones, totals, orgs] = await Promise.all([
    repo.milestonesOf(db, ids),
    repo.moneyTotals(db, ids),
    Promise.all(
      [...new Set(rows.map((r) => r.organisationId))].map((id) => repo.findOrganisation(db, id)),
    ),
  ]);
  const orgName = new Map(orgs.flatMap((o) => (o ? [[o.id, o.name] as const] : [])));
  return rows.map((r) => {
    const t = totals.get(r.id);
    return {
      id: r.id,
      areaId: r.areaId,
      organisationId: r.organisationId,
      organisationName: orgName.get(r.organisationId) ?? '',
      title: r.title,
      summary: r.summary,
      outcome: r.outcome,
      budgetPence: r.budgetPence,
      deadline: r.deadline.toISOString(),
      location: { lat: r.lat, lng: r.lng, radiusM: r.radiusM },
      status: r.status as PitchStatus,
      milestones: milestones.filter((m) => m.pitchId === r.id).map(toMilestone),
      allocatedPence: t?.allocated ?? 0,
      releasedPence: t?.released ?? 0,
      cancelledPence: t?.cancelled ?? 0,
      changesRequested: r.status === 'draft' ? r.changesRequested : null,
      declineReason: r.declineReason,
      failureReason: r.failureReason,
      questId: r.questId,
      submittedAt: iso(r.submittedAt),
      decidedAt: iso(r.decidedAt),
      closedAt: iso(r.closedAt),
    };
  });
}

export const presentPitch = async (db: DbOrTx, row: repo.PitchRow) =>
  (await presentPitches(db, [row]))[0]!;
