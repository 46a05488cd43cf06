/**
 * Organisations: a resident of an area creates one and becomes its lead and contact;
 * neighbours join with its invite code; an officer verifies it once the contact's account
 * email is confirmed (the accounts' own email link, so no second verification flow).
 */
import { randomBytes } from 'node:crypto';
import type { CreateOrganisationRequest, Organisation } from '@govcraft/shared';
import type { Infra } from '../../context';
import { AppError, forbidden, notFound } from '../../lib/errors';
import type { AccountsService } from '../accounts/service';
import type { AreasService } from '../areas/service';
import type { AuditService } from '../audit/service';
import { presentOrganisations } from './present';
import * as repo from './repo';

export interface OrganisationsDeps {
  areas: Pick<AreasService, 'idOfSlug'>;
  accounts: Pick<AccountsService, 'roleIn'>;
  audit: Pick<AuditService, 'record'>;
}

const newInviteCode = () => randomBytes(6).toString('base64url');

export function createOrganisations(infra: Pick<Infra, 'db' | 'clock'>, deps: OrganisationsDeps) {
  const { db } = infra;

  async function viewerOrgIds(userId: string | null): Promise<Set<string>> {
    return new Set(userId ? await repo.organisationIdsOf(db, userId) : []);
  }

  async function view(row: repo.OrganisationRow, userId: string | null) {
    return (await presentOrganisations(db, [row], await viewerOrgIds(userId)))[0]!;
  }

  async function rowOrThrow(organisationId: string) {
    const row = await repo.findOrganisation(db, organisationId);
    if (!row) throw notFound('organisation');
    return row;
  }

  async function create(
    userId: string,
    slug: string,
    input: CreateOrganisationRequest,
  ): Promise<Organisation> {
    const areaId = await deps.areas.idOfSlug(slug);
    if (!(await deps.accounts.roleIn(userId, areaId))) {
      throw forbidden('join this area before creating an organisation in it');
    }
    const row = await db.transaction(async (tx) => {
      const inserted = await repo.insertOrganisation(tx, {
        areaId,
        ...input,
        contactUserId: userId,
        createdBy: userId,
        inviteCode: newInviteCode(),
      });
      if (!inserted) {
        throw new AppError('conflict', 'name: an organisation in this area already has this name', {
          issues: [{ path: 'name', message: 'an organisation in this area already has this name' }],
        });
      }
      await repo.insertMember(tx, { organisationId: inserted.id, userId, role: 'lead' });
      await deps.audit.record(tx, {
        areaId,
        actorId: userId,
        action: 'organisation.create',
        entityType: 'organisation',
        entityId: inserted.id,
        after: { name: inserted.name, kind: inserted.kind },
      });
      return inserted;
    });
    return view(row, userId);
  }

  async function join(userId: string, code: string): Promise<Organisation> {
    const row = await repo.findOrganisationByCode(db, code);
    if (!row) throw notFound('organisation with this invite code');
    if (!(await deps.accounts.roleIn(userId, row.areaId))) {
      throw forbidden("join the organisation's area first");
    }
    await db.transaction(async (tx) => {
      if (!(await repo.insertMember(tx, { organisationId: row.id, userId, role: 'member' }))) {
        throw new AppError('conflict', 'you are already a member of this organisation');
      }
      await deps.audit.record(tx, {
        areaId: row.areaId,
        actorId: userId,
        action: 'organisation.join',
        entityType: 'organisation',
        entityId: row.id,
      });
    });
    return view(row, userId);
  }

  /** Officer: only an organisation whose contact email is confirmed can be verified. */
  async function verify(officerId: string, slug: string, organisationId: string) {
    const areaId = await deps.areas.idOfSlug(slug);
    const row = await rowOrThrow(organisationId);
    if (row.areaId !== areaId) throw notFound('organisation');
    if (row.verifiedAt) throw new AppError('conflict', 'this organisation is already verified');
    const [shown] = await presentOrganisations(db, [row]);
    if (!shown!.contactVerified) {
      throw new AppError(
        'conflict',
        "the contact's email is not confirmed yet; the lead opens the link in the email we sent",
      );
    }
    const after = await db.transaction(async (tx) => {
      const updated = await repo.setVerified(tx, row.id, officerId, infra.clock.now());
      await deps.audit.record(tx, {
        areaId,
        actorId: officerId,
        action: 'organisation.verify',
        entityType: 'organisation',
        entityId: row.id,
        before: { status: 'pending' },
        after: { status: 'verified' },
      });
      return updated;
    });
    return view(after, officerId);
  }

  async function get(organisationId: string, userId: string | null) {
    return view(await rowOrThrow(organisationId), userId);
  }

  async function list(slug: string) {
    const areaId = await deps.areas.idOfSlug(slug);
    return { items: await presentOrganisations(db, await repo.organisationsInArea(db, areaId)) };
  }

  async function mine(userId: string, slug: string) {
    const areaId = await deps.areas.idOfSlug(slug);
    const ids = await viewerOrgIds(userId);
    const rows = (await repo.organisationsInArea(db, areaId)).filter((r) => ids.has(r.id));
    return { items: await presentOrganisations(db, rows, ids) };
  }

  return { create, join, verify, get, list, mine, rowOrThrow };
}
export type OrganisationsRoom = ReturnType<typeof createOrganisations>;
