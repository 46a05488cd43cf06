/**
 * Open311 both ways. As a server: API keys officers issue to organisations (hashed), the
 * reports posted through them, and every status update a request has had. As a client:
 * connections to outside case systems, the link from each outside request to the quest it
 * became (unique, so polling twice creates nothing), and the status pushes waiting to go
 * back (an outbox whose dead letters officers see).
 */
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { areas, quests, users } from './core';

const at = (name: string) => timestamp(name, { withTimezone: true });

export const open311ApiKeys = pgTable(
  'open311_api_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    areaId: uuid('area_id')
      .notNull()
      .references(() => areas.id, { onDelete: 'cascade' }),
    organisation: text('organisation').notNull(),
    /** SHA-256 of the key: a database leak does not leak usable keys. */
    keyHash: text('key_hash').notNull().unique(),
    /** The first characters, so officers can tell keys apart. */
    keyPrefix: text('key_prefix').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: at('created_at').notNull().defaultNow(),
    revokedAt: at('revoked_at'),
  },
  (t) => [index('open311_api_keys_area_idx').on(t.areaId)],
);

/** A report posted through POST requests; the quest it became is a proposal for officers. */
export const open311Reports = pgTable(
  'open311_reports',
  {
    questId: uuid('quest_id')
      .primaryKey()
      .references(() => quests.id, { onDelete: 'cascade' }),
    areaId: uuid('area_id').notNull(),
    apiKeyId: uuid('api_key_id').references(() => open311ApiKeys.id, { onDelete: 'set null' }),
    serviceCode: text('service_code').notNull(),
    token: text('token').notNull().unique(),
    address: text('address'),
    mediaUrl: text('media_url'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index('open311_reports_area_idx').on(t.areaId)],
);

/** Every status a request has had: ours as quests move, and updates posted to us. */
export const open311Updates = pgTable(
  'open311_updates',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    areaId: uuid('area_id').notNull(),
    questId: uuid('quest_id')
      .notNull()
      .references(() => quests.id, { onDelete: 'cascade' }),
    /** open | closed */
    status: text('status').notNull(),
    description: text('description').notNull(),
    mediaUrl: text('media_url'),
    /** govcraft: our quest moved; remote: posted through POST servicerequestupdates. */
    source: text('source').notNull(),
    /** The poster's own id for the update, so a retried post is recorded once. */
    remoteUpdateId: text('remote_update_id'),
    at: at('at').notNull().defaultNow(),
  },
  (t) => [
    index('open311_updates_area_at_idx').on(t.areaId, t.at),
    index('open311_updates_quest_idx').on(t.questId, t.id),
    uniqueIndex('open311_updates_remote_uq')
      .on(t.questId, t.remoteUpdateId)
      .where(sql`${t.remoteUpdateId} is not null`),
  ],
);

/** An outside case system an area takes work from (Open311 endpoint, CSV import). */
export const integrationConnections = pgTable(
  'integration_connections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    areaId: uuid('area_id')
      .notNull()
      .references(() => areas.id, { onDelete: 'cascade' }),
    /** open311 | csv */
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    baseUrl: text('base_url'),
    jurisdictionId: text('jurisdiction_id'),
    /** The remote's key for us; sent to the remote, never shown back in full. */
    apiKey: text('api_key'),
    /** [{ code, superpower, autoPublish }]: which outside services to take and how. */
    services: jsonb('services').notNull(),
    batchSize: integer('batch_size').notNull().default(100),
    pollEveryMs: integer('poll_every_ms').notNull().default(300_000),
    enabled: boolean('enabled').notNull().default(true),
    /** requested_datetime of the newest request taken; the next poll starts there. */
    watermark: at('watermark'),
    lastPolledAt: at('last_polled_at'),
    /** Set by a remote's errors and rate limits: no poll before then. */
    pollNotBefore: at('poll_not_before'),
    lastError: text('last_error'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index('integration_connections_area_idx').on(t.areaId)],
);

/** One outside request and the quest it became; unique, so a request is taken once. */
export const integrationLinks = pgTable(
  'integration_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    connectionId: uuid('connection_id')
      .notNull()
      .references(() => integrationConnections.id, { onDelete: 'cascade' }),
    remoteId: text('remote_id').notNull(),
    questId: uuid('quest_id').references(() => quests.id, { onDelete: 'set null' }),
    /** Why no quest was made (outside the area, service not taken …). */
    skippedReason: text('skipped_reason'),
    requestedAt: at('requested_at'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('integration_links_remote_uq').on(t.connectionId, t.remoteId),
    uniqueIndex('integration_links_quest_uq').on(t.questId),
  ],
);

/** A status going back to the outside system: pending → sent, or dead after its retries. */
export const integrationPushes = pgTable(
  'integration_pushes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    linkId: uuid('link_id')
      .notNull()
      .references(() => integrationLinks.id, { onDelete: 'cascade' }),
    connectionId: uuid('connection_id').notNull(),
    questStatus: text('quest_status').notNull(),
    /** open | closed, as Open311 says it */
    status: text('status').notNull(),
    note: text('note').notNull(),
    state: text('state').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    remoteUpdateId: text('remote_update_id'),
    createdAt: at('created_at').notNull().defaultNow(),
    sentAt: at('sent_at'),
  },
  (t) => [index('integration_pushes_connection_state_idx').on(t.connectionId, t.state)],
);
