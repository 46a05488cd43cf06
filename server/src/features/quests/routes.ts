import { questsContracts as api } from '@govcraft/shared';
import {
  areaOfSlug,
  defineRoute,
  PUBLIC,
  SIGNED_IN,
  userIdOf,
  type Access,
  type AnyRouteSpec,
} from '../../http/route';
import { shareableForVisitors } from '../../http/public-cache';
import type { AreasService } from '../areas/service';
import type { QuestsService } from './service';

export function questsRoutes(quests: QuestsService, areas: AreasService): AnyRouteSpec[] {
  const officerOfSlug = areaOfSlug(areas, 'officer');
  const officerOfQuest: Access<{ questId: string }> = {
    kind: 'area',
    role: 'officer',
    areaOf: (p) => quests.areaIdOf(p.questId),
  };
  /** Officers' writes to one quest share their guard and budget. */
  const officerWrite = { access: officerOfQuest, rateLimit: 'write' } as const;
  const residentWrite = { access: SIGNED_IN, rateLimit: 'write' } as const;
  return [
    defineRoute(api.listQuests, {
      access: PUBLIC,
      handler: async ({ actor, params, query, res }) => {
        const page = await quests.mapPage(actor, params.slug, query);
        shareableForVisitors(res, actor);
        return page;
      },
    }),
    defineRoute(api.mapQuests, {
      access: PUBLIC,
      handler: async ({ actor, params, query, res }) => {
        const page = await quests.mapLayer(actor, params.slug, query);
        shareableForVisitors(res, actor);
        return page;
      },
    }),
    defineRoute(api.manageQuests, {
      access: officerOfSlug,
      handler: ({ params, query }) => quests.managePage(params.slug, query),
    }),
    defineRoute(api.createQuest, {
      access: officerOfSlug,
      rateLimit: 'write',
      handler: ({ actor, params, body }) => quests.create(userIdOf(actor), params.slug, body),
    }),
    defineRoute(api.getQuest, {
      access: PUBLIC,
      handler: ({ actor, params }) => quests.view(actor, params.questId),
    }),
    defineRoute(api.updateQuest, {
      ...officerWrite,
      handler: ({ actor, params, body }) => quests.update(userIdOf(actor), params.questId, body),
    }),
    defineRoute(api.transitionQuest, {
      ...officerWrite,
      handler: ({ actor, params, body }) =>
        quests.transition(userIdOf(actor), params.questId, body.to),
    }),
    defineRoute(api.reopenQuest, {
      ...officerWrite,
      handler: ({ actor, params, body }) =>
        quests.reopenByOfficer(userIdOf(actor), params.questId, body),
    }),
    defineRoute(api.proposeQuest, {
      ...residentWrite,
      handler: ({ actor, params, body }) => quests.propose(userIdOf(actor), params.slug, body),
    }),
    defineRoute(api.listProposals, {
      access: officerOfSlug,
      handler: ({ params, query }) => quests.proposals(params.slug, query),
    }),
    defineRoute(api.approveProposal, {
      ...officerWrite,
      handler: ({ actor, params, body }) =>
        quests.approve(userIdOf(actor), params.questId, body.publish),
    }),
    defineRoute(api.rejectProposal, {
      ...officerWrite,
      handler: ({ actor, params, body }) =>
        quests.reject(userIdOf(actor), params.questId, body.reason),
    }),
    defineRoute(api.joinQuest, {
      ...residentWrite,
      handler: ({ actor, params }) => quests.join(userIdOf(actor), params.questId),
    }),
    defineRoute(api.leaveQuest, {
      ...residentWrite,
      handler: ({ actor, params }) => quests.leave(userIdOf(actor), params.questId),
    }),
    defineRoute(api.listMyQuests, {
      access: SIGNED_IN,
      handler: async ({ actor }) => ({ items: await quests.myQuests(userIdOf(actor)) }),
    }),
  ];
}
