/**
 * The second adapter: requests from a CSV file an officer uploads (a council's export). The
 * header row names the columns: `service_request_id` (or `id`), `service_code`,
 * `description`, `lat`, `long` (or `lng`), and optionally `address`, `media_url`,
 * `requested_datetime`. Every row is checked before any is taken; a bad one is refused by
 * its line and column. A file has no way back, so statuses stay in GovCraft.
 */
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { AppError } from '../../lib/errors';
import type { CaseSystemAdapter, IncomingRequest } from './adapter';

/** A number in a cell: an empty cell is missing, not zero. */
const coordinate = (min: number, max: number) =>
  z
    .string({ message: 'is missing' })
    .trim()
    .min(1, 'is empty')
    .pipe(z.coerce.number<string>({ message: 'must be a number' }).min(min).max(max));

const ZCsvRow = z.object({
  service_request_id: z.string().trim().min(1, 'is empty').max(100),
  service_code: z.string().trim().min(1, 'is empty').max(100),
  description: z.string().trim().max(4000).default(''),
  lat: coordinate(-90, 90),
  long: coordinate(-180, 180),
  address: z.string().trim().max(500).optional(),
  media_url: z.union([z.literal(''), z.url({ protocol: /^https?$/ })]).optional(),
  requested_datetime: z.union([z.literal(''), z.iso.datetime({ offset: true })]).optional(),
});

const ALIASES: Record<string, string> = {
  id: 'service_request_id',
  lng: 'long',
  longitude: 'long',
  latitude: 'lat',
};

/** Parses and checks every row; the first bad one is a 400 naming its line and column. */
export function parseCsvRequests(text: string, now: Date): IncomingRequest[] {
  let records: Record<string, string>[];
  try {
    records = parse(text, {
      columns: (header: string[]) =>
        header.map((h) => {
          const name = h.trim().toLowerCase();
          return ALIASES[name] ?? name;
        }),
      skip_empty_lines: true,
      trim: true,
      bom: true,
      max_record_size: 10_000,
    });
  } catch (err) {
    throw AppError.field(
      'csv',
      `the file is not valid CSV: ${(err as Error).message.slice(0, 200)}`,
    );
  }
  return records.map((record, i) => {
    const parsed = ZCsvRow.safeParse(record);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      // Line 1 is the header.
      throw AppError.field(`csv.line${i + 2}.${issue.path.join('.')}`, issue.message);
    }
    const r = parsed.data;
    return {
      remoteId: r.service_request_id,
      serviceCode: r.service_code,
      description: r.description,
      lat: r.lat,
      lng: r.long,
      address: r.address || null,
      mediaUrl: r.media_url || null,
      requestedAt: r.requested_datetime ? new Date(r.requested_datetime) : now,
    };
  });
}

/** The CSV adapter for one uploaded file. */
export function csvAdapter(text: string, now: Date): CaseSystemAdapter {
  return {
    kind: 'csv',
    fetchNew: async () => parseCsvRequests(text, now),
    pushStatus: async () => ({ remoteUpdateId: null }),
  };
}
