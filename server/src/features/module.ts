/**
 * The one shape every feature has towards the rest of the server. A feature's `index.ts`
 * builds its service from the services below it and answers a `Feature`: its HTTP routes,
 * BullMQ jobs, inbound socket handlers and the domain events it listens to. `services.ts`
 * adds features in dependency order and registers all of them in one loop.
 */
import type { Infra } from '../context';
import type { AnyRouteSpec } from '../http/route';
import type { AnyJobDefinition } from '../jobs/registry';
import type { Listeners } from '../lib/domain-events';
import type { SocketHandlerTable } from '../realtime/types';

export interface FeatureModule {
  name: string;
  routes: AnyRouteSpec[];
  jobs: AnyJobDefinition[];
  /** Inbound socket events this feature answers; each event belongs to one feature. */
  sockets: Partial<SocketHandlerTable>;
  /** Reactions to other features' facts, published after their transactions commit. */
  listeners: Listeners;
}

/** A feature module with the service it was built from, named as other features see it. */
export interface Feature<N extends string, S> extends FeatureModule {
  name: N;
  service: S;
}

/**
 * Builds a feature from the infrastructure and the services added before it; `services`
 * is typed by what the feature needs, so adding features out of order does not compile.
 */
export type FeatureBuilder<Below, N extends string, S> = (
  infra: Infra,
  services: Below,
) => Feature<N, S>;

/** A feature with no routes, jobs, sockets or listeners of its own yet. */
export function feature<N extends string, S>(
  name: N,
  service: S,
  parts: Partial<Omit<FeatureModule, 'name'>> = {},
): Feature<N, S> {
  return { name, service, routes: [], jobs: [], sockets: {}, listeners: {}, ...parts };
}

/** Features added in dependency order; each `add` is one feature, one line. */
export class FeatureSet<S extends object> {
  constructor(
    private readonly infra: Infra,
    readonly services: S,
    readonly modules: readonly FeatureModule[] = [],
  ) {}

  add<N extends string, T>(build: FeatureBuilder<S, N, T>): FeatureSet<S & { [K in N]: T }> {
    const built = build(this.infra, this.services);
    const services = { ...this.services, [built.name]: built.service } as S & { [K in N]: T };
    return new FeatureSet(this.infra, services, [...this.modules, built]);
  }
}
