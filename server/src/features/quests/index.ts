import type { Infra } from '../../context';
import type { AccountsService } from '../accounts/service';
import type { AreasService } from '../areas/service';
import type { AuditService } from '../audit/service';
import { feature } from '../module';
import type { StorylinesService } from '../storylines/service';
import type { TeamsService } from '../teams/service';
import { questsRoutes } from './routes';
import { createQuestsService } from './service';

export function questsFeature(
  infra: Infra,
  below: {
    areas: AreasService;
    audit: AuditService;
    teams: TeamsService;
    accounts: AccountsService;
    storylines: StorylinesService;
  },
) {
  const quests = createQuestsService(infra, {
    areas: below.areas,
    audit: below.audit,
    teamOf: below.teams.teamOf,
    authorise: below.accounts.authorise,
    storylineAreaOf: below.storylines.areaOf,
  });
  return feature('quests', quests, {
    routes: questsRoutes(quests, below.areas),
    jobs: quests.jobs,
    // A reopened quest done again goes back to active.
    listeners: {
      'evidence.decided': (facts) =>
        quests.resumeAfterCompletion(
          facts.filter((f) => f.status === 'verified').map((f) => f.questId),
        ),
    },
  });
}
