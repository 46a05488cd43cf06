import type { Infra } from '../../context';
import type { AreasService } from '../areas/service';
import type { AuditService } from '../audit/service';
import type { CommentsService } from '../comments/service';
import { feature } from '../module';
import { moderationRoutes } from './routes';
import { createModerationService } from './service';

/** Moderation sits above every feature whose content can be reported, and asks each downward. */
export function moderationFeature(
  infra: Infra,
  below: { areas: AreasService; audit: AuditService; comments: CommentsService },
) {
  const moderation = createModerationService(infra, {
    areas: below.areas,
    audit: below.audit,
    kinds: { comment: below.comments.moderated },
  });
  return feature('moderation', moderation, {
    routes: moderationRoutes(moderation, below.areas),
  });
}
