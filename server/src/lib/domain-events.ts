/**
 * In-process domain events, published after a transaction commits: the way features react
 * to each other's facts (a verified evidence feeds the ledger's listeners: leaderboards,
 * storylines) without calling upward.
 */
import type { CommentPostedFact } from '../features/comments/facts';
import type { EvidenceDecidedFact } from '../features/evidence/facts';
import type { XpAwardedFact, XpReversedFact } from '../features/progress/facts';
import type { QuestStatusChangedFact } from '../features/quests/facts';
import type { ChapterUnlockedFact } from '../features/storylines/facts';
import type { TeamDeletedFact } from '../features/teams/facts';
import type { Logger } from './logger';

/**
 * Every event and its payload. Each fact type lives with the feature that publishes it;
 * each listener is declared in the `listeners` of the feature that reacts.
 */
export interface DomainEventMap {
  /** One row per paid member, after the ledger transaction committed (progress). */
  'xp.awarded': XpAwardedFact[];
  /** XP taken back by compensating ledger rows, after their transaction committed (progress). */
  'xp.reversed': XpReversedFact[];
  /** Evidence that reached a decision, after the transaction that recorded it (evidence). */
  'evidence.decided': EvidenceDecidedFact[];
  /** A team whose last member left, after the transaction that deleted it (teams). */
  'team.deleted': TeamDeletedFact;
  /** A quest whose status moved, after the transaction that moved it (quests). */
  'quest.statusChanged': QuestStatusChangedFact;
  /** A storyline chapter that unlocked, after its unlock moment was recorded (storylines). */
  'storyline.chapterUnlocked': ChapterUnlockedFact;
  /** A new comment or reply on a quest or proposal, after it committed (comments). */
  'comment.posted': CommentPostedFact;
}

export type DomainEventName = keyof DomainEventMap;

export type Listener<K extends DomainEventName> = (
  payload: DomainEventMap[K],
) => Promise<void> | void;

/** At most one listener per event per feature, as a feature module declares them. */
export type Listeners = { [K in DomainEventName]?: Listener<K> };

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
