/** Every HTTP route of the API, one object per feature, keyed by operationId. */
import { accountsContracts } from './accounts';
import { adminContracts } from './admin';
import { areasContracts } from './areas';
import { auditContracts } from './audit';
import { budgetsContracts } from './budgets';
import { commentsContracts } from './comments';
import { creditsContracts } from './credits';
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
import { ratingsContracts } from './ratings';
import { storylinesContracts } from './storylines';
import { teamsContracts } from './teams';
import { organisationsContracts } from './organisations';
import { transparencyContracts } from './transparency';
import { verificationContracts } from './verification';

export * from './contract';
export * from './accounts';
export * from './admin';
export * from './areas';
export * from './audit';
export * from './budgets';
export * from './comments';
export * from './credits';
export * from './evidence';
export * from './health';
export * from './leaderboards';
export * from './mail';
export * from './notifications';
export * from './moderation';
export * from './open311';
export * from './progress';
export * from './quests';
export * from './ratings';
export * from './storylines';
export * from './teams';
export * from './organisations';
export * from './transparency';
export * from './verification';

/** The whole API as a flat list, e.g. to check that operationIds are unique. */
export const ALL_CONTRACTS: readonly RouteContract[] = [
  accountsContracts,
  adminContracts,
  areasContracts,
  auditContracts,
  budgetsContracts,
  commentsContracts,
  creditsContracts,
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
  ratingsContracts,
  storylinesContracts,
  teamsContracts,
  organisationsContracts,
  transparencyContracts,
  verificationContracts,
].flatMap((group) => Object.values(group));
