/** Every HTTP route of the API, one object per feature, keyed by operationId. */
import { accountsContracts } from './accounts';
import { areasContracts } from './areas';
import type { RouteContract } from './contract';
import { evidenceContracts } from './evidence';
import { healthContracts } from './health';
import { leaderboardsContracts } from './leaderboards';
import { progressContracts } from './progress';
import { questsContracts } from './quests';
import { storylinesContracts } from './storylines';
import { teamsContracts } from './teams';
import { transparencyContracts } from './transparency';
import { verificationContracts } from './verification';

export * from './contract';
export * from './accounts';
export * from './areas';
export * from './evidence';
export * from './health';
export * from './leaderboards';
export * from './progress';
export * from './quests';
export * from './storylines';
export * from './teams';
export * from './transparency';
export * from './verification';

/** The whole API as a flat list, e.g. to check that operationIds are unique. */
export const ALL_CONTRACTS: readonly RouteContract[] = [
  accountsContracts,
  areasContracts,
  evidenceContracts,
  healthContracts,
  leaderboardsContracts,
  progressContracts,
  questsContracts,
  storylinesContracts,
  teamsContracts,
  transparencyContracts,
  verificationContracts,
].flatMap((group) => Object.values(group));
