/**
 * The officers' side of Open311: API keys issued to organisations, and connections that
 * take requests from a council's endpoint or a CSV file, with what went back to it.
 */
import { z } from 'zod';
import { ZId, ZIsoDateTime, ZList, ZPlainText, ZSlug } from './common';
import { ZSuperpower } from './domain';

export const ZOpen311ApiKeyParams = z.object({ slug: ZSlug, keyId: ZId });
export const ZCreateOpen311ApiKeyRequest = z.object({ organisation: ZPlainText(120, { min: 2 }) });
export type CreateOpen311ApiKeyRequest = z.infer<typeof ZCreateOpen311ApiKeyRequest>;
export const ZOpen311ApiKey = z.object({
  id: ZId,
  organisation: z.string(),
  keyPrefix: z.string(),
  createdAt: ZIsoDateTime,
  revokedAt: ZIsoDateTime.nullable(),
});
export type Open311ApiKey = z.infer<typeof ZOpen311ApiKey>;
export const ZOpen311ApiKeyList = ZList(ZOpen311ApiKey);
/** The key itself is shown once, when it is issued. */
export const ZIssuedOpen311ApiKey = ZOpen311ApiKey.extend({ key: z.string() });

export const INTEGRATION_KINDS = ['open311', 'csv'] as const;
export const ZIntegrationKind = z.enum(INTEGRATION_KINDS);
export type IntegrationKind = z.infer<typeof ZIntegrationKind>;

/** How one outside service becomes quests: which superpower they train, published or draft. */
export const ZIntegrationServiceRule = z.object({
  code: z.string().trim().min(1).max(100),
  superpower: ZSuperpower,
  autoPublish: z.boolean().default(false),
});
export type IntegrationServiceRule = z.infer<typeof ZIntegrationServiceRule>;

export const ZCreateIntegrationRequest = z
  .object({
    kind: ZIntegrationKind,
    name: ZPlainText(120, { min: 2 }),
    baseUrl: z
      .url({ protocol: /^https?$/, message: 'use an http(s) URL' })
      .max(500)
      .optional(),
    jurisdictionId: z.string().trim().max(100).optional(),
    apiKey: z.string().max(200).optional(),
    services: z.array(ZIntegrationServiceRule).min(1, 'take at least one service').max(50),
    batchSize: z.number().int().min(1).max(1000).default(100),
    pollEveryMinutes: z.number().int().min(1).max(1440).default(5),
  })
  .refine((c) => c.kind !== 'open311' || !!c.baseUrl, {
    message: 'an Open311 connection needs its base URL',
    path: ['baseUrl'],
  });
export type CreateIntegrationRequest = z.infer<typeof ZCreateIntegrationRequest>;

export const ZIntegrationParams = z.object({ slug: ZSlug, integrationId: ZId });

export const ZIntegration = z.object({
  id: ZId,
  kind: ZIntegrationKind,
  name: z.string(),
  baseUrl: z.string().nullable(),
  jurisdictionId: z.string().nullable(),
  /** Whether a key is set; the key itself is never sent back. */
  hasApiKey: z.boolean(),
  services: z.array(ZIntegrationServiceRule),
  batchSize: z.number().int(),
  pollEveryMinutes: z.number().int(),
  enabled: z.boolean(),
  watermark: ZIsoDateTime.nullable(),
  lastPolledAt: ZIsoDateTime.nullable(),
  pollNotBefore: ZIsoDateTime.nullable(),
  lastError: z.string().nullable(),
  linked: z.number().int(),
  pendingPushes: z.number().int(),
  deadPushes: z.number().int(),
});
export type Integration = z.infer<typeof ZIntegration>;
export const ZIntegrationList = ZList(ZIntegration);

export const ZIntegrationLink = z.object({
  remoteId: z.string(),
  questId: ZId.nullable(),
  questTitle: z.string().nullable(),
  questStatus: z.string().nullable(),
  skippedReason: z.string().nullable(),
  requestedAt: ZIsoDateTime.nullable(),
});
export const ZIntegrationLinkList = ZList(ZIntegrationLink);

export const ZIntegrationPush = z.object({
  id: ZId,
  remoteId: z.string(),
  questId: ZId.nullable(),
  status: z.string(),
  note: z.string(),
  state: z.enum(['pending', 'sent', 'dead']),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: ZIsoDateTime,
});
export type IntegrationPush = z.infer<typeof ZIntegrationPush>;
export const ZIntegrationPushList = ZList(ZIntegrationPush);
export const ZIntegrationPushParams = z.object({ slug: ZSlug, pushId: ZId });

export const ZImportCsvRequest = z.object({ csv: z.string().min(1).max(1_000_000) });
export const ZIntegrationRunResult = z.object({
  created: z.number().int(),
  skipped: z.number().int(),
  queued: z.boolean(),
});
export type IntegrationRunResult = z.infer<typeof ZIntegrationRunResult>;
