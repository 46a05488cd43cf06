/**
 * Quests, composed from their rooms: `lifecycle` (status moves, delayed jobs, realtime),
 * `editing` (officers create and edit), `proposals` (residents propose, officers decide),
 * `participation` (join, leave, what evidence asks) and `queries` (reading). Every status or
 * field change writes its audit row in the same transaction; jobs and events follow the
 * commit. This file only wires the rooms.
 */
import type { AreaRole } from '@govcraft/shared';
import type { Infra } from '../../context';
import type { Actor } from '../accounts/actor';
import type { AreasService } from '../areas/service';
import type { AuditService } from '../audit/service';
import { createEditing } from './editing';
import { createImported } from './imported';
import { createLifecycle } from './lifecycle';
import { createParticipation, type TeamOf } from './participation';
import { createProposals } from './proposals';
import { createQueries } from './queries';
import { createReopen } from './reopen';
import { createTimeline } from './timeline';

export { PROPOSAL_DEFAULT_XP } from './proposals';
export type { TeamOf } from './participation';

export interface QuestsDeps {
  areas: Pick<AreasService, 'idOfSlug' | 'byId' | 'join' | 'contains'>;
  audit: Pick<AuditService, 'record'>;
  teamOf: TeamOf;
  authorise: (actor: Actor, role: AreaRole, areaId: string) => Promise<void>;
  /** Area of a storyline, null when there is none; keeps quests out of storylines' repo. */
  storylineAreaOf: (storylineId: string) => Promise<string | null>;
}

export function createQuestsService(infra: Infra, deps: QuestsDeps) {
  const lifecycle = createLifecycle(infra, { audit: deps.audit });
  const editing = createEditing(infra, { ...deps, lifecycle });
  const proposals = createProposals(infra, {
    ...deps,
    checkPlacement: editing.checkPlacement,
    lifecycle,
  });
  const participation = createParticipation(infra, deps);
  const queries = createQueries(infra, deps);
  const reopening = createReopen(infra, { lifecycle });
  const { timeline } = createTimeline(infra, { view: queries.view });
  const imported = createImported(infra, {
    audit: deps.audit,
    contains: deps.areas.contains,
    lifecycle,
  });

  return {
    create: editing.create,
    update: editing.update,
    transition: lifecycle.transition,
    approve: proposals.approve,
    reject: proposals.reject,
    propose: proposals.propose,
    /** Integrations (system actor): insert in the caller's transaction, then `afterImport`. */
    importQuest: imported.importQuest,
    afterImport: imported.afterImport,
    isInsideArea: imported.isInside,
    ...participation,
    ...queries,
    /** The public status history; `notFixedState` and `reopen` serve "not fixed" reports. */
    timeline,
    notFixedState: reopening.notFixedState,
    reopen: reopening.reopen,
    reopenByOfficer: reopening.reopenByOfficer,
    resumeAfterCompletion: reopening.resumeAfterCompletion,
    applyOverdueMoves: lifecycle.applyOverdueMoves,
    lifecycleJobs: lifecycle.lifecycleJobs,
    /** The lifecycle job definitions and their sweep, for the feature module. */
    jobs: lifecycle.jobs,
  };
}
export type QuestsService = ReturnType<typeof createQuestsService>;
