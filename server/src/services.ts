/**
 * Builds every feature, in dependency order, and registers what they declare. Each feature
 * is one `add` line: its builder receives the services added before it (typed, so the order
 * is checked by the compiler) and answers its routes, jobs, socket handlers and listeners.
 *
 * Features talk in two ways only: a feature calls the services of features added before it
 * (lower ones, passed in, never imported at runtime), and a feature hears what happens above
 * it through the typed domain events named in its `listeners` (lib/domain-events.ts).
 */
import { CLIENT_EVENT_SCHEMAS, type ClientEventName } from '@govcraft/shared';
import type { Infra } from './context';
import { RateLimits } from './http/rate-limit';
import type { AnyRouteSpec } from './http/route';
import type { AnyJobDefinition } from './jobs/registry';
import type { DomainEventName, Listener } from './lib/domain-events';
import type { SocketHandlerTable } from './realtime/types';
import { adminFeature } from './admin';
import { accountsFeature } from './features/accounts';
import { areasFeature } from './features/areas';
import { auditFeature } from './features/audit';
import { budgetsFeature } from './features/budgets';
import { commentsFeature } from './features/comments';
import { creditsFeature } from './features/credits';
import { evidenceFeature } from './features/evidence';
import { healthFeature } from './features/health';
import { leaderboardsFeature } from './features/leaderboards';
import { moderationFeature } from './features/moderation';
import { notFixedFeature } from './features/not-fixed';
import { mailFeature } from './features/mail';
import { notificationsFeature } from './features/notifications';
import { FeatureSet, type FeatureModule } from './features/module';
import { privacyFeature } from './features/privacy';
import { open311Feature } from './features/open311';
import { integrationsFeature } from './features/integrations';
import { progressFeature } from './features/progress';
import { questsFeature } from './features/quests';
import { ratingsFeature } from './features/ratings';
import { organisationsFeature } from './features/organisations';
import { storylinesFeature } from './features/storylines';
import { teamsFeature } from './features/teams';
import { transparencyFeature } from './features/transparency';
import { verificationFeature } from './features/verification';

export function createServices(infra: Infra) {
  const rateLimits = new RateLimits(
    infra.redis,
    infra.config.REDIS_PREFIX,
    infra.config.RATE_LIMIT_MULTIPLIER,
  );
  const { services, modules } = new FeatureSet(infra, { rateLimits })
    .add(healthFeature)
    .add(mailFeature)
    .add(verificationFeature)
    .add(auditFeature)
    .add(progressFeature)
    .add(accountsFeature)
    .add(areasFeature)
    .add(teamsFeature)
    .add(leaderboardsFeature)
    .add(storylinesFeature)
    .add(questsFeature)
    .add(budgetsFeature)
    .add(organisationsFeature)
    .add(open311Feature)
    .add(integrationsFeature)
    .add(commentsFeature)
    .add(evidenceFeature)
    .add(creditsFeature)
    .add(ratingsFeature)
    .add(notFixedFeature)
    .add(transparencyFeature)
    .add(privacyFeature)
    .add(notificationsFeature)
    .add(moderationFeature)
    .add(adminFeature);
  return { ...services, features: modules };
}
export type Services = ReturnType<typeof createServices>;

/** Every HTTP route; app.ts mounts them and the OpenAPI document lists them. */
export function allRoutes(s: Pick<Services, 'features'>): AnyRouteSpec[] {
  return s.features.flatMap((f) => f.routes);
}

/** Every BullMQ job definition; worker roles run them. */
export function allJobs(s: Pick<Services, 'features'>): AnyJobDefinition[] {
  return s.features.flatMap((f) => f.jobs);
}

/** Inbound socket events → handlers; the gateway parses payloads before calling them. */
export function socketHandlers(s: Pick<Services, 'features'>): SocketHandlerTable {
  const table: Partial<Record<ClientEventName, { owner: string; handler: unknown }>> = {};
  for (const f of s.features) {
    for (const [event, handler] of Object.entries(f.sockets) as [ClientEventName, unknown][]) {
      const taken = table[event];
      if (taken)
        throw new Error(`socket event ${event} is answered by ${taken.owner} and ${f.name}`);
      table[event] = { owner: f.name, handler };
    }
  }
  const handlers: Record<string, unknown> = {};
  for (const event of Object.keys(CLIENT_EVENT_SCHEMAS) as ClientEventName[]) {
    const entry = table[event];
    if (!entry) throw new Error(`no feature answers the socket event ${event}`);
    handlers[event] = entry.handler;
  }
  return handlers as SocketHandlerTable;
}

/** Subscribes every feature's listeners to the domain events they name. */
export function wireDomainEvents(infra: Infra, s: Pick<Services, 'features'>): void {
  for (const f of s.features) subscribe(infra, f);
}

function subscribe(infra: Infra, f: FeatureModule): void {
  for (const [event, listener] of Object.entries(f.listeners)) {
    infra.events.on(event as DomainEventName, listener as Listener<DomainEventName>);
  }
}
