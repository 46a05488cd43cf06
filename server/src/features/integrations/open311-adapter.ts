/**
 * A council's Open311 GeoReport v2 endpoint: GET requests.json from the watermark, and
 * POST servicerequestupdates.json (mySociety's extension) for statuses going back. Every
 * answer is parsed; errors and rate limits become `RemoteError`s the poller and the push
 * job honour. Each call has a timeout, so a hung remote holds nothing up for long.
 */
import { z } from 'zod';
import type { Clock } from '../../lib/clock';
import { RemoteError, retryAfterOf, type CaseSystemAdapter, type IncomingRequest } from './adapter';
import type { ConnectionRow } from './repo';

const TIMEOUT_MS = 10_000;

const idText = z.union([z.string(), z.number()]).transform(String);
const optionalNumber = z
  .union([z.number(), z.string(), z.null()])
  .optional()
  .transform((v) => (v === null || v === undefined || v === '' ? null : Number(v)))
  .refine((v) => v === null || Number.isFinite(v), 'not a number');
const optionalText = z
  .string()
  .nullable()
  .optional()
  .transform((v) => v ?? null);

const ZRemoteRequest = z.object({
  service_request_id: idText,
  service_code: idText.optional().transform((v) => v ?? ''),
  description: optionalText,
  lat: optionalNumber,
  long: optionalNumber,
  address: optionalText,
  media_url: optionalText,
  requested_datetime: z.iso.datetime({ offset: true }),
});
const ZRemoteRequests = z.array(ZRemoteRequest);
const ZRemoteUpdateAnswer = z.array(z.object({ update_id: idText.optional() })).min(1);

const endpoint = (c: ConnectionRow, resource: string) =>
  `${(c.baseUrl ?? '').replace(/\/+$/, '')}/${resource}.json`;

function describeBody(text: string): string {
  try {
    const parsed = JSON.parse(text) as unknown;
    if (Array.isArray(parsed) && parsed[0] && typeof parsed[0] === 'object') {
      const first = parsed[0] as { description?: unknown };
      if (typeof first.description === 'string') return first.description.slice(0, 300);
    }
  } catch {
    // Not JSON: the text itself, cut short.
  }
  return text.slice(0, 200);
}

export function open311Adapter(clock: Clock): CaseSystemAdapter {
  async function call(url: string, init: RequestInit): Promise<unknown> {
    let res: Response;
    try {
      res = await fetch(url, {
        ...init,
        signal: AbortSignal.timeout(TIMEOUT_MS),
        redirect: 'error',
      });
    } catch (err) {
      throw new RemoteError(`the remote did not answer: ${(err as Error).message}`, null);
    }
    const text = await res.text();
    if (!res.ok) {
      const retryAfter = retryAfterOf(res.headers.get('retry-after'), clock.now());
      const transient = res.status === 429 || res.status >= 500 || res.status === 408;
      throw new RemoteError(
        `the remote answered ${res.status}: ${describeBody(text)}`,
        res.status,
        retryAfter,
        !transient,
      );
    }
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new RemoteError('the remote answered something that is not JSON', res.status);
    }
  }

  return {
    kind: 'open311',

    async fetchNew(c, since): Promise<IncomingRequest[]> {
      const url = new URL(endpoint(c, 'requests'));
      if (c.jurisdictionId) url.searchParams.set('jurisdiction_id', c.jurisdictionId);
      const codes = (c.services as { code: string }[]).map((s) => s.code);
      if (codes.length) url.searchParams.set('service_code', codes.join(','));
      if (since) url.searchParams.set('start_date', since.toISOString());
      const parsed = ZRemoteRequests.safeParse(await call(url.toString(), { method: 'GET' }));
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new RemoteError(
          `the remote's requests do not follow GeoReport v2 (${issue.path.join('.')}: ${issue.message})`,
          200,
          null,
          true,
        );
      }
      return parsed.data
        .map((r) => ({
          remoteId: r.service_request_id,
          serviceCode: r.service_code,
          description: r.description ?? '',
          lat: r.lat,
          lng: r.long,
          address: r.address,
          mediaUrl: r.media_url,
          requestedAt: new Date(r.requested_datetime),
        }))
        .sort((a, b) => a.requestedAt.getTime() - b.requestedAt.getTime());
    },

    async pushStatus(c, push) {
      const form = new URLSearchParams({
        service_request_id: push.remoteId,
        update_id: push.updateId,
        status: push.status.toUpperCase(),
        updated_datetime: push.at.toISOString(),
        description: push.note,
      });
      if (c.jurisdictionId) form.set('jurisdiction_id', c.jurisdictionId);
      if (c.apiKey) form.set('api_key', c.apiKey);
      const answer = await call(endpoint(c, 'servicerequestupdates'), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: form.toString(),
      });
      const parsed = ZRemoteUpdateAnswer.safeParse(answer);
      return { remoteUpdateId: parsed.success ? (parsed.data[0]!.update_id ?? null) : null };
    },
  };
}
