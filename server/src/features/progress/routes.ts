import { ZPublicProfile, ZUserIdParams } from '@govcraft/shared';
import { defineRoute, type AnyRouteSpec } from '../../http/route';
import { notFound } from '../../lib/errors';
import type { ProgressService } from './service';

export interface ProgressRouteDeps {
  /** null when no such user exists. */
  displayNameOf(userId: string): Promise<string | null>;
}

export function progressRoutes(
  progress: ProgressService,
  accounts: ProgressRouteDeps,
): AnyRouteSpec[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/users/:userId/profile',
      summary: "A player's public progress: level, XP by superpower, streak",
      tags: ['progress'],
      params: ZUserIdParams,
      response: ZPublicProfile,
      errors: [404],
      access: { kind: 'public' },
      handler: async ({ params }) => {
        const displayName = await accounts.displayNameOf(params.userId);
        if (displayName === null) throw notFound('player');
        return {
          id: params.userId,
          displayName,
          progress: await progress.summaryFor(params.userId),
        };
      },
    }),
  ];
}
