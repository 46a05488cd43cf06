import { progressContracts as api } from '@govcraft/shared';
import { defineRoute, PUBLIC, SIGNED_IN, userIdOf, type AnyRouteSpec } from '../../http/route';
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
    defineRoute(api.getPublicProfile, {
      access: PUBLIC,
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

/** Routes progress answers on its own: the caller's progress with the XP taken back. */
export function myProgressRoutes(progress: ProgressService): AnyRouteSpec[] {
  return [
    defineRoute(api.getMyProgress, {
      access: SIGNED_IN,
      handler: ({ actor }) => progress.myProgress(userIdOf(actor)),
    }),
  ];
}
