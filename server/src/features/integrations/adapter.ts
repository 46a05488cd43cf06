/**
 * The slot every outside case system fits: fetch the requests that are new since a
 * watermark, push a quest's status back. Quests never see which system it is; a new system
 * is one new adapter file (Open311 and CSV import are the two here).
 */
import type { IntegrationKind } from '@govcraft/shared';
import type { ConnectionRow } from './repo';

/** An outside request as every adapter hands it over. */
export interface IncomingRequest {
  remoteId: string;
  serviceCode: string;
  description: string;
  lat: number | null;
  lng: number | null;
  address: string | null;
  mediaUrl: string | null;
  requestedAt: Date;
}

/** A quest's new status on its way back to the system its request came from. */
export interface StatusPush {
  /** Our id for the update: the remote records a retried push once. */
  updateId: string;
  remoteId: string;
  status: 'open' | 'closed';
  note: string;
  at: Date;
}

export interface CaseSystemAdapter {
  kind: IntegrationKind;
  /** Requests at or after `since` (null: as far back as the system offers), oldest first. */
  fetchNew(connection: ConnectionRow, since: Date | null): Promise<IncomingRequest[]>;
  /** Sends a status; answers the remote's id for the update when it gives one. */
  pushStatus(
    connection: ConnectionRow,
    push: StatusPush,
  ): Promise<{ remoteUpdateId: string | null }>;
}

/**
 * A remote's refusal or failure. `retryAfterSeconds` when it said when to come back (429,
 * 503 with Retry-After); `permanent` when trying again cannot help (400, 403, 404 …).
 */
export class RemoteError extends Error {
  override name = 'RemoteError';
  constructor(
    message: string,
    readonly status: number | null,
    readonly retryAfterSeconds: number | null = null,
    readonly permanent = false,
  ) {
    super(message);
  }
}

/** Seconds from a Retry-After header (seconds or an HTTP date); null when absent or odd. */
export function retryAfterOf(header: string | null, now: Date): number | null {
  if (!header) return null;
  if (/^\d+$/.test(header.trim())) return Math.max(1, Number(header.trim()));
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(1, Math.ceil((at - now.getTime()) / 1000));
}
