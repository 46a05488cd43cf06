/**
 * Residents propose quests; officers adopt a proposal (as a draft or published at once) or
 * reject it with a reason. A proposal carries no reward until an officer sets one.
 */
import type { ProposeQuestRequest } from '@govcraft/shared';
import type { Infra } from '../../context';
import { AppError } from '../../lib/errors';
import type { AreasService } from '../areas/service';
import type { AuditService } from '../audit/service';
import type { CheckPlacement } from './editing';
import type { QuestLifecycle } from './lifecycle';
import { describedQuestColumns, insertAudited, present, rowOrThrow } from './model';
import * as repo from './repo';

/** Residents' proposals carry no reward yet; the officer sets it before publishing. */
export const PROPOSAL_DEFAULT_XP = 50;

export interface ProposalDeps {
  areas: Pick<AreasService, 'idOfSlug' | 'join'>;
  audit: Pick<AuditService, 'record'>;
  checkPlacement: CheckPlacement;
  lifecycle: Pick<QuestLifecycle, 'move' | 'publish' | 'afterCommit'>;
}

export function createProposals(infra: Pick<Infra, 'db' | 'clock'>, deps: ProposalDeps) {
  const now = () => infra.clock.now();

  async function propose(userId: string, areaSlug: string, input: ProposeQuestRequest) {
    const areaId = await deps.areas.idOfSlug(areaSlug);
    await deps.areas.join(userId, areaSlug);
    await deps.checkPlacement(areaId, { ...input.location, storylineId: null });
    const row = await infra.db.transaction((tx) =>
      insertAudited(tx, deps.audit, 'quest.propose', userId, {
        areaId,
        status: 'proposed',
        proposedBy: userId,
        ...describedQuestColumns(input),
        xp: PROPOSAL_DEFAULT_XP,
      }),
    );
    return present(infra.db, row);
  }

  /** The proposal, locked; only a proposed quest may be decided on. */
  async function lockedProposal(
    tx: Parameters<typeof rowOrThrow>[0],
    questId: string,
    verb: string,
  ) {
    const row = await rowOrThrow(tx, questId, true);
    if (row.status !== 'proposed') {
      throw new AppError(
        'illegal_transition',
        `only proposed quests can be ${verb}; this one is ${row.status}`,
      );
    }
    return row;
  }

  async function approve(actorId: string, questId: string, publishNow: boolean) {
    const { before, after } = await infra.db.transaction(async (tx) => {
      const row = await lockedProposal(tx, questId, 'approved');
      const adopted = await repo.updateQuest(tx, questId, { createdBy: actorId }, now());
      const after = publishNow
        ? await deps.lifecycle.publish(tx, adopted, actorId)
        : await deps.lifecycle.move(tx, adopted, 'draft', actorId);
      return { before: row, after };
    });
    await deps.lifecycle.afterCommit(before, after);
    return present(infra.db, after);
  }

  async function reject(actorId: string, questId: string, reason: string) {
    const after = await infra.db.transaction(async (tx) => {
      const row = await lockedProposal(tx, questId, 'rejected');
      return deps.lifecycle.move(tx, row, 'rejected', actorId, { rejectionReason: reason });
    });
    return present(infra.db, after);
  }

  return { propose, approve, reject };
}
