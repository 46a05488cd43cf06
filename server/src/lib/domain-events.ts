/**
 * In-process domain events, published after a transaction commits. The one place where
 * features react to each other's facts (a verified evidence feeds the ledger's listeners:
 * leaderboards, storylines, realtime) without importing each other's internals.
 */
import type { Superpower } from '@govcraft/shared';
import type { Logger } from './logger';

export interface XpAwardedFact {
  userId: string;
  teamId: string | null;
  areaId: string;
  questId: string;
  evidenceId: string;
  amount: number;
  bySuperpower: Record<Superpower, number>;
  /** Ledger commit time; weekly boards key on it. */
  at: Date;
}

export interface DomainEventMap {
  /** One row per paid member, after the ledger transaction committed. */
  'xp.awarded': XpAwardedFact[];
  /** Evidence that reached a decision, after the transaction that recorded it committed. */
  'evidence.decided': EvidenceDecidedFact[];
}

export interface EvidenceDecidedFact {
  evidenceId: string;
  questId: string;
  areaId: string;
  userId: string;
  status: 'verified' | 'rejected' | 'needs_review';
}

type Listener<K extends keyof DomainEventMap> = (
  payload: DomainEventMap[K],
) => Promise<void> | void;

export class DomainEvents {
  private readonly listeners = new Map<keyof DomainEventMap, Listener<keyof DomainEventMap>[]>();

  constructor(private readonly logger: Logger) {}

  on<K extends keyof DomainEventMap>(event: K, listener: Listener<K>): void {
    const list = this.listeners.get(event) ?? [];
    list.push(listener as Listener<keyof DomainEventMap>);
    this.listeners.set(event, list);
  }

  /**
   * Runs every listener and waits for them. A failing listener is logged and does not stop
   * the others: the ledger is the truth and derived views can be rebuilt from it.
   */
  async publish<K extends keyof DomainEventMap>(
    event: K,
    payload: DomainEventMap[K],
  ): Promise<void> {
    const list = this.listeners.get(event) ?? [];
    await Promise.all(
      list.map(async (listener) => {
        try {
          await listener(payload);
        } catch (err) {
          this.logger.error({ err, event }, 'domain event listener failed');
        }
      }),
    );
  }
}
