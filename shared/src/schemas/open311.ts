/**
 * Open311 GeoReport v2 (with mySociety's service request updates) as GovCraft serves it
 * under /open311/v2, and the officers' side of connecting an area to a council's endpoint.
 * Field names on the Open311 side are the spec's (snake_case); every answer is also sent
 * as XML with the same fields.
 */
import { z } from 'zod';

export const OPEN311_FORMATS = ['json', 'xml'] as const;
export const ZOpen311Format = z.enum(OPEN311_FORMATS, { message: 'use json or xml' });
export type Open311Format = z.infer<typeof ZOpen311Format>;

/** The spec's defaults for GET requests: the last 90 days, at most 1,000 requests. */
export const OPEN311_DEFAULT_DAYS = 90;
export const OPEN311_MAX_REQUESTS = 1000;

export const ZOpen311FormatParams = z.object({ format: ZOpen311Format });
export const ZOpen311ServiceParams = z.object({
  serviceCode: z.string().min(1).max(100),
  format: ZOpen311Format,
});
export const ZOpen311RequestParams = z.object({
  serviceRequestId: z.string().min(1).max(100),
  format: ZOpen311Format,
});
export const ZOpen311TokenParams = z.object({
  token: z.string().min(1).max(100),
  format: ZOpen311Format,
});

const text = (max: number) => z.string().max(max).optional();
/** W3C date-time with a zone (Z or ±hh:mm), as the spec asks. */
const w3Date = z.iso.datetime({
  offset: true,
  message: 'use ISO 8601 with a zone, e.g. 2026-01-31T09:00:00Z',
});

/** jurisdiction_id is checked by the handler, so its absence gets the spec's own error. */
export const ZOpen311JurisdictionQuery = z.object({ jurisdiction_id: text(100) });

export const ZOpen311RequestsQuery = z.object({
  jurisdiction_id: text(100),
  /** Comma-separated ids; when given, every other filter is ignored. */
  service_request_id: text(4000),
  /** Comma-separated service codes. */
  service_code: text(1000),
  start_date: w3Date.optional(),
  end_date: w3Date.optional(),
  /** Comma-separated: open, closed. */
  status: z
    .string()
    .regex(/^(open|closed)(,(open|closed))*$/, 'use open, closed or open,closed')
    .optional(),
});

export const ZOpen311UpdatesQuery = z.object({
  jurisdiction_id: text(100),
  start_date: w3Date.optional(),
  end_date: w3Date.optional(),
});

/** A form field holding a number; an empty field is absent, not zero. */
const coord = (min: number, max: number, name: string) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.coerce
      .number({ message: `${name} must be a number` })
      .min(min)
      .max(max)
      .optional(),
  );

/** POST requests, form-encoded as the spec sends it (personal fields are read, never kept). */
export const ZOpen311CreateRequestBody = z.object({
  jurisdiction_id: text(100),
  api_key: text(200),
  service_code: text(100),
  lat: coord(-90, 90, 'lat'),
  long: coord(-180, 180, 'long'),
  address_string: text(500),
  address_id: text(200),
  email: text(320),
  device_id: text(200),
  account_id: text(200),
  first_name: text(200),
  last_name: text(200),
  phone: text(100),
  description: text(4000),
  media_url: z
    .url({ protocol: /^https?$/, message: 'media_url must be an http(s) URL' })
    .max(2000)
    .optional(),
  /** attribute[code]=value; the extended query parser gives an object. */
  attribute: z.record(z.string(), z.union([z.string(), z.array(z.string())])).optional(),
});
export type Open311CreateRequestBody = z.infer<typeof ZOpen311CreateRequestBody>;

/** POST servicerequestupdates (mySociety's extension): a status from the other system. */
export const ZOpen311PostUpdateBody = z.object({
  jurisdiction_id: text(100),
  api_key: text(200),
  service_request_id: text(100),
  update_id: text(200),
  status: text(60),
  updated_datetime: w3Date.optional(),
  description: text(4000),
  media_url: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .optional(),
  email: text(320),
  first_name: text(200),
  last_name: text(200),
  account_id: text(200),
});
export type Open311PostUpdateBody = z.infer<typeof ZOpen311PostUpdateBody>;

export const ZOpen311Discovery = z.object({
  changeset: z.string(),
  contact: z.string(),
  key_service: z.string(),
  endpoints: z.array(
    z.object({
      specification: z.string(),
      url: z.string(),
      changeset: z.string(),
      type: z.string(),
      formats: z.array(z.string()),
    }),
  ),
});

export const ZOpen311Service = z.object({
  jurisdiction_id: z.string(),
  service_code: z.string(),
  service_name: z.string(),
  description: z.string(),
  metadata: z.boolean(),
  type: z.enum(['realtime', 'batch', 'blackbox']),
  keywords: z.string(),
  group: z.string(),
});
export const ZOpen311ServiceList = z.array(ZOpen311Service);

export const ZOpen311ServiceDefinition = z.object({
  service_code: z.string(),
  attributes: z.array(
    z.object({
      variable: z.boolean(),
      code: z.string(),
      datatype: z.enum([
        'string',
        'number',
        'datetime',
        'text',
        'singlevaluelist',
        'multivaluelist',
      ]),
      required: z.boolean(),
      datatype_description: z.string(),
      order: z.number().int(),
      description: z.string(),
      values: z.array(z.object({ key: z.string(), name: z.string() })),
    }),
  ),
});
export type Open311ServiceDefinition = z.infer<typeof ZOpen311ServiceDefinition>;

export const ZOpen311ServiceRequest = z.object({
  service_request_id: z.string(),
  status: z.enum(['open', 'closed']),
  status_notes: z.string().nullable(),
  service_name: z.string(),
  service_code: z.string(),
  description: z.string(),
  agency_responsible: z.string(),
  service_notice: z.string().nullable(),
  requested_datetime: z.string(),
  updated_datetime: z.string(),
  expected_datetime: z.string().nullable(),
  address: z.string().nullable(),
  address_id: z.string().nullable(),
  zipcode: z.string().nullable(),
  lat: z.number(),
  long: z.number(),
  media_url: z.string().nullable(),
});
export type Open311ServiceRequest = z.infer<typeof ZOpen311ServiceRequest>;
export const ZOpen311ServiceRequestList = z.array(ZOpen311ServiceRequest);

export const ZOpen311CreatedList = z.array(
  z.object({
    service_request_id: z.string(),
    token: z.string(),
    service_notice: z.string(),
    account_id: z.string().nullable(),
  }),
);
export const ZOpen311TokenList = z.array(
  z.object({ service_request_id: z.string(), token: z.string() }),
);

export const ZOpen311RequestUpdate = z.object({
  update_id: z.string(),
  service_request_id: z.string(),
  status: z.string(),
  updated_datetime: z.string(),
  description: z.string(),
  media_url: z.string().nullable(),
});
export type Open311RequestUpdate = z.infer<typeof ZOpen311RequestUpdate>;
export const ZOpen311RequestUpdateList = z.array(ZOpen311RequestUpdate);
export const ZOpen311PostedUpdateList = z.array(z.object({ update_id: z.string() }));

/** The spec's error answer: a list of {code, description}. */
export const ZOpen311ErrorList = z.array(
  z.object({ code: z.number().int(), description: z.string() }),
);
export type Open311ErrorList = z.infer<typeof ZOpen311ErrorList>;

export * from './open311-integrations';

// ----- Quest statuses as Open311 says them -----

/** Quest statuses an outside system reads as closed; every other status is open. */
export const OPEN311_CLOSED_QUEST_STATUSES: readonly string[] = [
  'closed',
  'archived',
  'rejected',
  'completed',
  'failed',
];

export const open311StatusOf = (questStatus: string): 'open' | 'closed' =>
  OPEN311_CLOSED_QUEST_STATUSES.includes(questStatus) ? 'closed' : 'open';

const STATUS_NOTES: Record<string, string> = {
  proposed: "Received; waiting for an officer's decision.",
  draft: 'Accepted; being prepared as a quest.',
  published: 'Published as a quest for residents.',
  active: 'Open: residents can take this quest on now.',
  closed: 'Done: the quest for this request is closed.',
  archived: 'Archived.',
  rejected: 'Not taken forward.',
  completed: 'Completed by residents.',
  failed: 'Could not be completed.',
  reopened: 'Reopened: the work needs doing again.',
};

/** The status note sent with a quest's move, with the reason the move gave. */
export function questStatusNote(questStatus: string, reason: string | null): string {
  const note = STATUS_NOTES[questStatus] ?? `Quest is now ${questStatus}.`;
  return reason ? `${note} ${reason}` : note;
}

/** mySociety's extended states, as open or closed. */
const EXTENDED_CLOSED = [
  'closed',
  'fixed',
  'duplicate',
  'not_councils_responsibility',
  'no_further_action',
  'internal_referral',
];
const EXTENDED_OPEN = ['open', 'investigating', 'in_progress', 'action_scheduled', 'reopened'];

/** An update's status (any case, extended states too) as open/closed; null when unknown. */
export function open311StatusOfUpdate(status: string): 'open' | 'closed' | null {
  const s = status.trim().toLowerCase();
  if (EXTENDED_CLOSED.includes(s)) return 'closed';
  if (EXTENDED_OPEN.includes(s)) return 'open';
  return null;
}
