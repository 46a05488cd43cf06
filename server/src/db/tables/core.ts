/**
 * The game's own tables: users, areas, quests, evidence, the XP ledger and what hangs off
 * them. Features' tables live beside it in `tables/`; `db/schema.ts` gathers them all, and
 * only repositories (features/<name>/repo.ts) import that. Migrations in `db/migrations` are
 * generated from it by `npm run db:generate`.
 */
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** Normalised (trimmed, lower-cased); null once the account is deleted. */
  email: text('email').unique(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash'),
  isPlatformAdmin: boolean('is_platform_admin').notNull().default(false),
  createdAt: createdAt(),
  /** Set when the person deleted their account: the row stays as an anonymous tombstone. */
  deletedAt: timestamp('deleted_at', { withTimezone: true }),
  /** When the person proved they read mail at `email`; null until then (no votes, no vouching). */
  emailVerifiedAt: timestamp('email_verified_at', { withTimezone: true }),
});

export const areas = pgTable('areas', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  timezone: text('timezone').notNull(),
  /** GeoJSON Polygon or MultiPolygon. */
  boundary: jsonb('boundary').notNull(),
  /** GeoJSON FeatureCollection the map draws (streets, parks, landmarks). */
  mapFeatures: jsonb('map_features'),
  createdAt: createdAt(),
  /** Set when a platform admin archived the area: read-only, still readable and in open data. */
  archivedAt: timestamp('archived_at', { withTimezone: true }),
});

export const areaMemberships = pgTable(
  'area_memberships',
  {
    areaId: uuid('area_id')
      .notNull()
      .references(() => areas.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    joinedAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.areaId, t.userId] }),
    index('memberships_user_idx').on(t.userId),
  ],
);

export const invites = pgTable('invites', {
  id: uuid('id').primaryKey().defaultRandom(),
  areaId: uuid('area_id')
    .notNull()
    .references(() => areas.id, { onDelete: 'cascade' }),
  /** SHA-256 of the invite code: a database leak does not leak usable codes. */
  codeHash: text('code_hash').notNull().unique(),
  role: text('role').notNull(),
  createdBy: uuid('created_by')
    .notNull()
    .references(() => users.id),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedBy: uuid('used_by').references(() => users.id),
  usedAt: timestamp('used_at', { withTimezone: true }),
  createdAt: createdAt(),
});

/** Append-only: who did what to which record, with the state before and after. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    areaId: uuid('area_id'),
    actorId: uuid('actor_id'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('audit_area_at_idx').on(t.areaId, t.at),
    index('audit_entity_idx').on(t.entityType, t.entityId),
  ],
);

export const storylines = pgTable('storylines', {
  id: uuid('id').primaryKey().defaultRandom(),
  areaId: uuid('area_id')
    .notNull()
    .references(() => areas.id, { onDelete: 'cascade' }),
  title: text('title').notNull(),
  narrative: text('narrative').notNull(),
  /** Verified completions the whole area is aiming for. */
  goal: integer('goal').notNull(),
  createdAt: createdAt(),
});

export const storylineChapters = pgTable(
  'storyline_chapters',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    storylineId: uuid('storyline_id')
      .notNull()
      .references(() => storylines.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    narrative: text('narrative').notNull(),
    /** Verified completions at which this chapter unlocks. */
    threshold: integer('threshold').notNull(),
    unlockedAt: timestamp('unlocked_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('chapters_position_uq').on(t.storylineId, t.position)],
);

export const quests = pgTable(
  'quests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    areaId: uuid('area_id')
      .notNull()
      .references(() => areas.id, { onDelete: 'cascade' }),
    storylineId: uuid('storyline_id').references(() => storylines.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    problem: text('problem').notNull(),
    desiredOutcome: text('desired_outcome').notNull(),
    lat: doublePrecision('lat').notNull(),
    lng: doublePrecision('lng').notNull(),
    radiusM: integer('radius_m').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    status: text('status').notNull(),
    xp: integer('xp').notNull(),
    superpowers: text('superpowers').array().notNull(),
    /** {checkin, photo, text, attestations, officerSignOff} */
    evidenceRules: jsonb('evidence_rules').notNull(),
    /** null for solo quests; otherwise the team size the quest needs. */
    teamSize: integer('team_size'),
    maxCompletions: integer('max_completions'),
    createdBy: uuid('created_by').references(() => users.id),
    proposedBy: uuid('proposed_by').references(() => users.id),
    rejectionReason: text('rejection_reason'),
    /** Days after a completion in which residents may report the quest not fixed. */
    reopenWindowDays: integer('reopen_window_days').notNull().default(30),
    /** The effort the quest asks of one person, in minutes; time credits are paid on it. */
    effortMinutes: integer('effort_minutes').notNull().default(60),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The map's bbox query filters by area and status, then ranges over lng/lat.
    index('quests_area_status_lng_lat_idx').on(t.areaId, t.status, t.lng, t.lat),
    index('quests_area_lng_lat_idx').on(t.areaId, t.lng, t.lat),
    index('quests_storyline_idx').on(t.storylineId),
  ],
);

export const teams = pgTable(
  'teams',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    areaId: uuid('area_id')
      .notNull()
      .references(() => areas.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    inviteCode: text('invite_code').notNull().unique(),
    captainId: uuid('captain_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('teams_area_name_uq').on(t.areaId, sql`lower(${t.name})`)],
);

export const teamMembers = pgTable(
  'team_members',
  {
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** Denormalised so "one team per area" is a unique index. */
    areaId: uuid('area_id').notNull(),
    joinedAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.userId] }),
    uniqueIndex('team_members_one_per_area_uq').on(t.areaId, t.userId),
  ],
);

export const participations = pgTable(
  'participations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    questId: uuid('quest_id')
      .notNull()
      .references(() => quests.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    teamId: uuid('team_id').references(() => teams.id, { onDelete: 'set null' }),
    /** joined | submitted | completed | left | reopened */
    status: text('status').notNull(),
    joinedAt: createdAt(),
    /** When the completion was verified; the "not fixed" window counts from it. */
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('participations_quest_user_uq').on(t.questId, t.userId),
    index('participations_user_idx').on(t.userId),
  ],
);
