import type { Infra } from '../../context';
import type { AccountsService } from '../accounts/service';
import type { AreasService } from '../areas/service';
import type { AuditService } from '../audit/service';
import { feature } from '../module';
import type { QuestsService } from '../quests/service';
import { commentsRoutes } from './routes';
import { createCommentsService } from './service';
import { commentSocketHandlers } from './socket';

/** Comments publish `comment.posted` (comments/facts.ts) after each new comment commits. */
export function commentsFeature(
  infra: Infra,
  below: {
    quests: QuestsService;
    areas: AreasService;
    accounts: AccountsService;
    audit: AuditService;
  },
) {
  const comments = createCommentsService(infra, below);
  return feature('comments', comments, {
    routes: commentsRoutes(comments, below.quests),
    sockets: commentSocketHandlers(below.quests, below.accounts),
  });
}
