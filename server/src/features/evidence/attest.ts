/**
 * Vouching: a neighbour who is neither the sender nor on the sender's team confirms the
 * evidence; the vouch weighs by their track record (rules/reputation) and each new
 * attestation queues the evidence's verification again.
 */
import type { EvidenceStatus, VerifyEvidenceJob } from '@govcraft/shared';
import type { Infra } from '../../context';
import type { JobDefinition } from '../../jobs/registry';
import { forbidden } from '../../lib/errors';
import { attestationJobId } from './jobs';
import { alreadyDecided, OPEN_STATUSES, type QuestAccess, type TeamOf } from './model';
import type { EvidencePresenter } from './present';
import * as repo from './repo';
import type { Reputation } from './reputation';

export interface AttestDeps {
  quests: Pick<QuestAccess, 'get'>;
  teamOf: TeamOf;
  present: Pick<EvidencePresenter, 'rowOrThrow'>;
  verifyJob: JobDefinition<VerifyEvidenceJob>;
  requireVerifiedEmail: (userId: string, toDo: string) => Promise<void>;
  reputation: Pick<Reputation, 'reputationOf'>;
}

export function createAttestation(infra: Pick<Infra, 'db' | 'jobs'>, deps: AttestDeps) {
  async function attest(userId: string, evidenceId: string) {
    const row = await deps.present.rowOrThrow(evidenceId);
    if (row.userId === userId) throw forbidden('you cannot vouch for your own evidence');
    await deps.requireVerifiedEmail(userId, 'vouch for evidence');
    if (row.teamId && (await deps.teamOf(row.areaId, userId))?.teamId === row.teamId)
      throw forbidden("you cannot vouch for your own team's evidence");
    if (!OPEN_STATUSES.includes(row.status as EvidenceStatus)) throw alreadyDecided(row.status);
    const quest = await deps.quests.get(row.questId);
    const { weight } = await deps.reputation.reputationOf(userId);
    const added = await repo.insertAttestation(infra.db, evidenceId, userId, weight);
    const n = await repo.countAttestations(infra.db, evidenceId);
    if (added && row.status === 'pending') {
      await infra.jobs.add(
        deps.verifyJob,
        { evidenceId, trigger: 'attestation' },
        { jobId: attestationJobId(evidenceId, n) },
      );
    }
    return { evidenceId, attestations: n, attestationsNeeded: quest.evidenceRules.attestations };
  }

  return { attest };
}
