/**
 * Client and server at the type level: both take their types from the same shared contract,
 * so `npm run typecheck` fails here before a handler and a caller disagree on the wire.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import {
  evidenceContracts,
  questsContracts,
  type ManageQuestsQuery,
  type Quest,
  type ReviewDecisionRequest,
} from '@govcraft/shared';
import {
  defineRoute,
  PUBLIC,
  type RouteHandler,
  type RouteInput,
} from '../../server/src/http/route';
import { call, urlOf } from '../../client/src/net/call';

const { getQuest, manageQuests, rejectProposal } = questsContracts;
const { getEvidencePhoto } = evidenceContracts;

type Answer<C extends { response: z.ZodType }> = z.infer<C['response']>;

describe('route contracts', () => {
  it('types the handler and the caller with the contract response', () => {
    expectTypeOf<Answer<typeof getQuest>>().toEqualTypeOf<Quest>();
    expectTypeOf<ReturnType<RouteHandler<typeof getQuest>>>().toEqualTypeOf<
      Promise<Answer<typeof getQuest>>
    >();
    expectTypeOf<ReturnType<typeof call<typeof getQuest>>>().toEqualTypeOf<
      Promise<Answer<typeof getQuest>>
    >();
    // A route that answers no JSON resolves to nothing on both sides.
    expectTypeOf<ReturnType<RouteHandler<typeof getEvidencePhoto>>>().toEqualTypeOf<
      Promise<void>
    >();
    expectTypeOf<ReturnType<typeof call<typeof getEvidencePhoto>>>().toEqualTypeOf<Promise<void>>();
  });

  it('types the parsed handler input from params, query and body', () => {
    type Manage = RouteInput<typeof manageQuests>;
    expectTypeOf<Manage['params']>().toEqualTypeOf<{ slug: string }>();
    expectTypeOf<Manage['query']>().toEqualTypeOf<ManageQuestsQuery>();
    expectTypeOf<Manage['body']>().toEqualTypeOf<undefined>();
    expectTypeOf<
      RouteInput<typeof evidenceContracts.reviewEvidence>['body']
    >().toEqualTypeOf<ReviewDecisionRequest>();
  });

  it('refuses wrong params, bodies and answers at compile time', () => {
    // Never run: these lines exist for the compiler.
    const wrongUses = () => {
      // @ts-expect-error the contract needs params.questId
      void call(getQuest);
      // @ts-expect-error questId is missing
      void call(getQuest, { params: {} });
      // @ts-expect-error this route takes no body
      void call(getQuest, { params: { questId: 'q' }, body: { title: 'x' } });
      // @ts-expect-error a reason is text
      void call(rejectProposal, { params: { questId: 'q' }, body: { reason: 5 } });
      // @ts-expect-error the status filter is one of the quest statuses
      void call(manageQuests, { params: { slug: 'oakfield' }, query: { status: 'lost' } });
      defineRoute(getQuest, {
        access: PUBLIC,
        // @ts-expect-error the handler must answer a whole quest
        handler: async () => ({ id: 'q' }),
      });
      defineRoute(getQuest, {
        access: PUBLIC,
        // @ts-expect-error params.questId is a string
        handler: async ({ params }) => params.questId * 2,
      });
    };
    expect(typeof wrongUses).toBe('function');
  });

  it('builds URLs from the contract path', () => {
    expect(urlOf(getEvidencePhoto, { params: { evidenceId: 'a b' } })).toBe(
      '/api/evidence/a%20b/photo',
    );
    expect(
      urlOf(manageQuests, { params: { slug: 'oakfield' }, query: { status: 'draft', limit: 5 } }),
    ).toBe('/api/areas/oakfield/quests/manage?status=draft&limit=5');
  });
});
