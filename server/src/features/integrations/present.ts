/** Integration rows as officers see them: keys never leave the server. */
import type { Integration, IntegrationPush, IntegrationServiceRule } from '@govcraft/shared';
import type * as repo from './repo';

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function toIntegration(
  c: repo.ConnectionRow,
  counts: { linked: number; pending: number; dead: number },
): Integration {
  return {
    id: c.id,
    kind: c.kind as Integration['kind'],
    name: c.name,
    baseUrl: c.baseUrl,
    jurisdictionId: c.jurisdictionId,
    hasApiKey: !!c.apiKey,
    services: c.services as IntegrationServiceRule[],
    batchSize: c.batchSize,
    pollEveryMinutes: Math.round(c.pollEveryMs / 60_000),
    enabled: c.enabled,
    watermark: iso(c.watermark),
    lastPolledAt: iso(c.lastPolledAt),
    pollNotBefore: iso(c.pollNotBefore),
    lastError: c.lastError,
    linked: counts.linked,
    pendingPushes: counts.pending,
    deadPushes: counts.dead,
  };
}

export function toPush(p: repo.PushRow, remoteId: string, questId: string | null): IntegrationPush {
  return {
    id: p.id,
    remoteId,
    questId,
    status: p.status,
    note: p.note,
    state: p.state as IntegrationPush['state'],
    attempts: p.attempts,
    lastError: p.lastError,
    createdAt: p.createdAt.toISOString(),
  };
}
