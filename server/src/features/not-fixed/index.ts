import type { Infra } from '../../context';
import type { EvidenceService } from '../evidence/service';
import { feature } from '../module';
import type { QuestsService } from '../quests/service';
import type { TeamsService } from '../teams/service';
import { notFixedRoutes } from './routes';
import { createNotFixedService } from './service';

/**
 * Residents' "not fixed" reports on completed quests and the public quest timeline. Above
 * evidence: a report weighs by the reporter's vouching record and its photo is stored with
 * evidence's; a quorum reopens the quest through quests.
 */
export function notFixedFeature(
  infra: Infra,
  below: { quests: QuestsService; evidence: EvidenceService; teams: TeamsService },
) {
  const notFixed = createNotFixedService(infra, {
    quests: below.quests,
    evidence: below.evidence,
    teamOf: below.teams.teamOf,
  });
  return feature('notFixed', notFixed, {
    routes: notFixedRoutes(notFixed, below.evidence.uploadMaxBytes),
    jobs: notFixed.jobs,
  });
}
