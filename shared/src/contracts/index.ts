/** Every HTTP route of the API, one object per feature, keyed by operationId. */
import { accountsContracts } from './accounts';
import { adminContracts } from './admin';
import { areasContracts } from './areas';
import { auditContracts } from './audit';
import { commentsContracts } from './comments';
import type { RouteContract } from './contract';
import { evidenceContracts } from './evidence';
import { healthContracts } from './health';
import { leaderboardsContracts } from './leaderboards';
import { mailContracts } from './mail';
import { notificationsContracts } from './notifications';
import { moderationContracts } from './moderation';
import { integrationsContracts, open311Contracts } from './open311';
import { progressContracts } from './progress';
import { questsContracts } from './quests';
import { storylinesContracts } from './storylines';
import { teamsContracts } from './teams';
import { transparencyContracts } from './transparency';
import { verificationContracts } from './verification';

export * from './contract';
export * from './accounts';
export * from './admin';
export * from './areas';
export * from './audit';
export * from './comments';
export * from './evidence';
export * from './health';
export * from './leaderboards';
export * from './mail';
export * from './notifications';
export * from './moderation';
export * from './open311';
export * from './progress';
export * from './quests';
export * from './storylines';
export * from './teams';
export * from './transparency';
export * from './verification';

/** The whole API as a flat list, e.g. to check that operationIds are unique. */
export const ALL_CONTRACTS: readonly RouteContract[] = [
  accountsContracts,
  adminContracts,
  areasContracts,
  auditContracts,
  commentsContracts,
  evidenceContracts,
  healthContracts,
  leaderboardsContracts,
  mailContracts,
  notificationsContracts,
  moderationContracts,
  open311Contracts,
  integrationsContracts,
  progressContracts,
  questsContracts,
  storylinesContracts,
  teamsContracts,
  transparencyContracts,
  verificationContracts,
].flatMap((group) => Object.values(group));
