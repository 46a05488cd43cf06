/**
 * The whole database schema, one file per concern under `tables/`: `core.ts` holds the game's
 * tables (users, areas, quests, evidence, the XP ledger…), each other file a feature's own.
 * Drizzle (queries and `db:generate`) reads them all through this file; table files import
 * only `./core`, never this file, so there is no import cycle.
 */
export * from './tables/core';
export * from './tables/evidence';
export * from './tables/comments';
export * from './tables/moderation';
export * from './tables/admin';
export * from './tables/account-tokens';
export * from './tables/notifications';
export * from './tables/mail';
export * from './tables/open311';
export * from './tables/ledger';
export * from './tables/reopen';
export * from './tables/credits';
export * from './tables/ratings';
export * from './tables/organisations';
export * from './tables/budgets';
